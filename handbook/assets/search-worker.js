// Material's search worker, with English stemming applied to what the reader types as well.
// Material ends every query word with a wildcard ("prioritize*"), and lunr skips the stemmer
// for wildcard words, so with `pipeline: [stemmer, ...]` in mkdocs.yml a page indexed under
// "priorit" was never found by "prioritize" or "prioritization". Here a word with a trailing
// wildcard is stemmed first, then matched as a prefix: word forms find each other.
// Published as assets/javascripts/workers/handbook-search.js beside Material's own worker
// (handbook.mkdocs.search points the theme at it); MATERIAL_WORKER is filled in at build time.
importScripts("MATERIAL_WORKER");

(function () {
  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    var pipeline = this.pipeline;
    return query.call(this, function (built) {
      build.call(built, built);
      built.clauses.forEach(function (clause) {
        // The parser leaves "word*" as the term, with the pipeline switched off.
        var word = /^([^*]+)\*$/.exec(clause.term);
        if (!word) return;
        var stemmed = pipeline.runString(word[1], { fields: clause.fields });
        if (stemmed.length === 1 && stemmed[0]) clause.term = stemmed[0] + "*";
      });
    });
  };
})();
