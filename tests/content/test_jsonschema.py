"""The JSON Schema of content: generated from the key tables, every key described in Chinese, every
example in content/ valid against it, typical faults invalid; ``gongwen schema`` prints it and
``gongwen new -o`` points its file at it."""

import json

import pytest
import yaml
from click.testing import CliRunner

from gongwen.cli import main
from gongwen.content import schema as s
from gongwen.content.jsonschema import MODELINE, SCHEMA_FILE, json_schema, value_shape
from gongwen.content.keydocs import KEY_DOCS

from tests.paths import ROOT

jsonschema = pytest.importorskip("jsonschema")


class _Loader(yaml.SafeLoader):
    """YAML as an editor's language server reads it: dates stay text."""


_Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
                                   for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _errors(text: str):
    validator = jsonschema.Draft7Validator(json_schema())
    return list(validator.iter_errors(yaml.load(text, Loader=_Loader)))


def test_every_key_has_a_chinese_description_and_a_shape():
    assert set(KEY_DOCS) == set(s.all_keys())
    for key, doc in KEY_DOCS.items():
        assert any("\u4e00" <= c <= "\u9fff" for c in doc), key
    for node, keys in s.NODE_KEYS.items():
        for key in keys:
            value_shape(key, node)
    with pytest.raises(ValueError):
        value_shape("no_such_key")


def test_schema_is_valid_draft7_and_follows_the_tables():
    schema = json_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["properties"]["kind"]["enum"] == list(s.KIND_WORDS)
    assert set(schema["properties"]) == {k for keys in s.DOCUMENT_KEYS.values() for k in keys}
    assert set(schema["definitions"]["section"]["properties"]) == set(s.SECTION_KEYS)
    assert set(schema["definitions"]["table"]["properties"]) == set(s.TABLE_KEYS)


@pytest.mark.parametrize("path", sorted((ROOT / "content").glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_validates(path):
    assert _errors(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("text", [
    "title: 没有文种\n",                                       # kind missing
    "kind: 公告\ntitle: 不是 gongwen 的文种\n",                  # unknown kind
    "kind: 讲话稿\ntitle: 标题\nsectons: []\n",                  # a typo in a key
    "kind: 讲话稿\ntitle: 标题\nissuer: 清河县人民政府\n",         # a key of another kind
    "kind: 通知\ntitle: 标题\nsections: 一段文字\n",              # text where a list belongs
    "kind: 讲话稿\ntitle: {a: 1}\n",                             # a mapping where text belongs
    "kind: 通知\ntitle: 标题\nsections:\n  - heading: 一\n    paragraph: [正文]\n",  # typo in a section
    "kind: 通知\ntitle: 标题\nseal: 可能\n",                      # seal neither boolean nor 签名章
    "kind: 讲话稿\ntitle: 标题\nsections:\n  - heading: 一\n    series: 首先\n",     # unknown series style
])
def test_typical_faults_fail(text):
    assert _errors(text), text


def test_gongwen_schema_prints_it():
    result = CliRunner().invoke(main, ["schema"], catch_exceptions=False)
    assert result.exit_code == 0
    assert json.loads(result.output) == json_schema()


def test_new_writes_the_modeline_and_the_schema_beside(tmp_path):
    out = tmp_path / "通知.yaml"
    result = CliRunner().invoke(main, ["new", "通知", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    first = out.read_text(encoding="utf-8").splitlines()[0]
    assert first == MODELINE + SCHEMA_FILE
    assert json.loads((tmp_path / SCHEMA_FILE).read_text(encoding="utf-8")) == json_schema()
    # the skeleton still builds and validates with its modeline
    assert _errors(out.read_text(encoding="utf-8")) == []
    # a file of that name that is not gongwen's is left alone
    other = tmp_path / "sub"
    other.mkdir()
    (other / SCHEMA_FILE).write_text('{"title": "mine"}', encoding="utf-8")
    CliRunner().invoke(main, ["new", "讲话稿", "-o", str(other / "a.yaml")], catch_exceptions=False)
    assert (other / SCHEMA_FILE).read_text(encoding="utf-8") == '{"title": "mine"}'
