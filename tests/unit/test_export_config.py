"""mkdocs.yml read and written back by the export with its tags kept (handbook.export.config)."""

from __future__ import annotations

import pytest
import yaml

from handbook.export import config as cfg

SOURCE = """\
site_name: Acme
site_url: !ENV [HANDBOOK_SITE_URL, "https://handbook.example.com/"]
exclude_docs: |
  !/templates/
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
  - pymdownx.snippets:
      base_path: !relative $config_dir
"""


def test_tags_survive_a_round_trip(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(SOURCE)
    data = cfg.read_config(tmp_path)
    again = yaml.load(cfg.dump_config(data, "# header\n"), Loader=cfg._Loader)  # noqa: S506
    assert again == data
    assert data["site_url"] == cfg.Tagged(
        "!ENV", ["HANDBOOK_SITE_URL", "https://handbook.example.com/"]
    )
    text = cfg.dump_config(data, "")
    assert "!!python/name:material.extensions.emoji.twemoji" in text
    assert "exclude_docs: |\n  !/templates/\n" in text
    # Negative control: the safe loader alone refuses these tags.
    with pytest.raises(yaml.YAMLError):
        yaml.safe_load(SOURCE)


def test_resolve_reads_env_and_the_config_folder(tmp_path, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text(SOURCE)
    data = cfg.read_config(tmp_path)
    monkeypatch.delenv("HANDBOOK_SITE_URL", raising=False)
    assert cfg.resolve(data["site_url"], tmp_path) == "https://handbook.example.com/"
    monkeypatch.setenv("HANDBOOK_SITE_URL", "https://docs.acme.test/handbook/")
    assert cfg.resolve(data["site_url"], tmp_path) == "https://docs.acme.test/handbook/"
    snippets = data["markdown_extensions"][1]["pymdownx.snippets"]
    assert cfg.resolve(snippets, tmp_path)["base_path"] == str(tmp_path)
    assert cfg.folder_relative(snippets)["base_path"] == "."


def test_relative_paths_resolve_from_either_folder_and_a_page_relative_one_is_named(tmp_path):
    docs = tmp_path / "content"
    snippet = cfg.Tagged("!relative", "$docs_dir/.includes")
    assert cfg.resolve(snippet, tmp_path, docs) == str(docs / ".includes")
    assert cfg.resolve(cfg.Tagged("!relative", "$config_dir/x"), tmp_path) == str(tmp_path / "x")
    with pytest.raises(cfg.ConfigError, match=r"`!relative `: the export reads paths under"):
        cfg.resolve({"base_path": cfg.Tagged("!relative", None)}, tmp_path, docs)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("site_name: [unclosed\n", "mkdocs.yml:2: invalid YAML"),
        ("INHERIT: base.yml\nsite_name: A\n", "INHERIT is not exported"),
        ("- a list\n", "expected a mapping"),
    ],
)
def test_a_config_the_export_cannot_read_is_named(tmp_path, text, message):
    (tmp_path / "mkdocs.yml").write_text(text)
    with pytest.raises(cfg.ConfigError, match=message.replace("[", r"\[")):
        cfg.read_config(tmp_path)
