import datetime as dt

import pytest

from handbook.core.yamlload import LOADERS, PureLoader, YamlError, load_yaml

# Every test runs with each parser: libyaml (the default when present) and pure Python.
pytestmark = pytest.mark.parametrize("loader", sorted(LOADERS))


def test_loads_data_and_lines(loader):
    doc = load_yaml(
        "a: 1\nitems:\n  - name: x\n  - name: y\n", "data/x.yml", loader_cls=LOADERS[loader]
    )
    assert doc.data == {"a": 1, "items": [{"name": "x"}, {"name": "y"}]}
    assert doc.line_of(("items", 1, "name")) == 4
    assert doc.line_of(("items", 0)) == 3
    # A path that does not exist falls back to its nearest ancestor.
    assert doc.line_of(("items", 1, "missing")) == 4


def test_duplicate_key_names_both_lines(loader):
    with pytest.raises(YamlError) as exc:
        load_yaml("tools:\n  - id: a\n    id: b\n", "data/tools.yml", loader_cls=LOADERS[loader])
    assert str(exc.value).startswith("data/tools.yml:3:")
    assert "duplicate key 'id'" in str(exc.value)
    assert "line 2" in str(exc.value)


def test_malformed_yaml_names_line(loader):
    with pytest.raises(YamlError) as exc:
        load_yaml("a: 1\nb: [1, 2\nc: 3\n", "data/x.yml", loader_cls=LOADERS[loader])
    assert str(exc.value).startswith("data/x.yml:")
    assert exc.value.problem.line == 3


def test_impossible_date_names_line(loader):
    with pytest.raises(YamlError) as exc:
        load_yaml("name: x\nrenewal: 2026-02-30\n", "data/tools.yml", loader_cls=LOADERS[loader])
    assert str(exc.value).startswith("data/tools.yml:2:")
    assert "2026-02-30" in str(exc.value)


def test_real_date_is_a_date(loader):
    assert load_yaml("d: 2024-02-29\n", "f", loader_cls=LOADERS[loader]).data["d"] == dt.date(
        2024, 2, 29
    )


def test_unsafe_tags_are_refused(loader):
    with pytest.raises(YamlError):
        load_yaml(
            "x: !!python/object/apply:os.system ['true']\n", "f.yml", loader_cls=LOADERS[loader]
        )


def test_line_offset_for_front_matter(loader):
    doc = load_yaml(
        "owner: x\nlast_reviewed: 2026-01-01\n",
        "docs/p.md",
        line_offset=1,
        loader_cls=LOADERS[loader],
    )
    assert doc.line_of(("last_reviewed",)) == 3


def test_both_parsers_agree_on_data_and_lines(loader):
    # Each parser against the other one: the pinned PyYAML wheels ship libyaml, so both exist.
    other = PureLoader if loader == "c" else LOADERS["c"]
    text = "owner: x\nlast_reviewed: 2026-11-01\ntags:\n  - a\n  - b: 2026-10-01\n"
    doc = load_yaml(text, "docs/p.md", line_offset=1, loader_cls=LOADERS[loader])
    pure = load_yaml(text, "docs/p.md", line_offset=1, loader_cls=other)
    assert doc.data == pure.data
    assert doc.lines == pure.lines
    assert doc.scalars == pure.scalars


def test_aliases_and_anchors_are_refused_with_line(loader):
    with pytest.raises(YamlError) as exc:
        load_yaml("a: 1\nb: &x [1, 2]\nc: *x\n", "data/x.yml", loader_cls=LOADERS[loader])
    assert str(exc.value).startswith("data/x.yml:2:")
    assert "anchors" in str(exc.value)
    with pytest.raises(YamlError) as exc:
        load_yaml("a: 1\nc: *x\n", "data/x.yml", loader_cls=LOADERS[loader])
    assert str(exc.value) == "data/x.yml:2: YAML aliases are not allowed"


def test_billion_laughs_is_refused_quickly(loader):
    text = 'a: &a ["x","x"]\n' + "".join(
        f"{c}: &{c} [*{p},*{p},*{p},*{p}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    with pytest.raises(YamlError, match="not allowed"):
        load_yaml(text, "f.yml", loader_cls=LOADERS[loader])


def test_nesting_limit(loader):
    from handbook.core.yamlload import MAX_DEPTH

    ok = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert load_yaml(ok, "f.yml", loader_cls=LOADERS[loader]).data is not None
    deep = "a:\n  " + "[" * 400 + "]" * 400 + "\n"
    with pytest.raises(YamlError) as exc:
        load_yaml(deep, "f.yml", line_offset=3, loader_cls=LOADERS[loader])
    assert str(exc.value) == f"f.yml:5: nesting deeper than {MAX_DEPTH} levels"


def test_size_limit(loader):
    from handbook.core.yamlload import MAX_BYTES

    big = "a: " + "x" * MAX_BYTES + "\n"
    with pytest.raises(YamlError, match="larger than 2 MB") as exc:
        load_yaml(big, "f.yml", loader_cls=LOADERS[loader])
    assert exc.value.problem.line == 1


def test_leading_zero_integer_is_refused(loader):
    with pytest.raises(YamlError) as exc:
        load_yaml("a: 1\nid: 0160\n", "f.yml", loader_cls=LOADERS[loader])
    assert str(exc.value).startswith("f.yml:2:") and "'0160'" in str(exc.value)
    # Zero itself, plain numbers and quoted strings with zeros stay as they were.
    doc = load_yaml('z: 0\nn: 160\nf: 0.5\ns: "0160"\n', "f.yml", loader_cls=LOADERS[loader])
    assert doc.data == {"z": 0, "n": 160, "f": 0.5, "s": "0160"}


def test_byte_order_mark_is_dropped(loader):
    doc = load_yaml("\ufeffa: 1\nb: 2\n", "f.yml", loader_cls=LOADERS[loader])
    assert doc.data == {"a": 1, "b": 2}
    assert doc.line_of(("b",)) == 2


def test_a_lone_surrogate_is_a_yaml_error_with_its_line(loader):
    # Hypothesis found this: libyaml raised UnicodeEncodeError, past every YamlError handler.
    with pytest.raises(YamlError) as caught:
        load_yaml("a: 1\nb: \ud800\n", "data/x.yml", loader_cls=LOADERS[loader])
    assert str(caught.value.problem) == "data/x.yml:2: text is not valid Unicode (a lone surrogate)"
