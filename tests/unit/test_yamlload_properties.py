"""Property tests: whatever text arrives, the loader answers with data or its own YamlError."""

from hypothesis import given, settings
from hypothesis import strategies as st

from handbook.core.yamlload import LOADERS, YamlError, load_yaml

# Characters YAML treats specially, so generated text often gets past the first token.
yamlish = st.text(
    alphabet=st.sampled_from(list("ab01 -:[]{}&*!|>'\"#,?\n\t\ufeff%@`")) | st.characters()
)


@settings(max_examples=300, deadline=None)
@given(text=yamlish, loader=st.sampled_from(sorted(LOADERS)))
def test_arbitrary_text_raises_only_yaml_error(text, loader):
    try:
        doc = load_yaml(text, "f.yml", loader_cls=LOADERS[loader])
    except YamlError as exc:
        assert exc.problem.file == "f.yml" and exc.problem.line >= 1
    else:
        assert doc.line_of(()) >= 1
