"""PyYAML is imported with its reader's pattern compiled on first use (yamlsafe._import_yaml): a
build's loader gets it so; the pattern then finds what the compiled one finds; the pure-Python
reader (a text libyaml cannot take) reports the same characters at the same places; and re's cache
keeps no stand-in."""

from __future__ import annotations

import random
import re
import subprocess
import sys

import pytest
import yaml

from gongwen import yamlsafe
from tests.paths import ROOT

PROBE = """
import re, sys
import gongwen.content.loader
import yaml
from gongwen import yamlsafe
assert isinstance(yaml.reader.Reader.NON_PRINTABLE, yamlsafe._OnFirstUse), type(yaml.reader.Reader.NON_PRINTABLE)
assert not any(isinstance(v, yamlsafe._OnFirstUse) for v in re._cache.values())
try:
    yamlsafe.compose("a: \\udc80\\nb: \\x01\\n")
except yaml.reader.ReaderError as exc:
    print(exc)
"""


def test_the_loader_imports_yaml_without_compiling_the_pattern():
    ran = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT)
    assert ran.returncode == 0, ran.stderr
    assert "#xdc80" in ran.stdout and "position 3" in ran.stdout


def test_the_stand_in_finds_what_the_pattern_finds():
    lazy, real = yamlsafe._OnFirstUse(), re.compile(yamlsafe._NON_PRINTABLE)
    rng = random.Random(16)
    alphabet = "a中\t\n\r\x01\x7f\x85\xa0\ud7ff\ue000\ufffe\uffff\U00010000 "
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        m, n = lazy.search(text), real.search(text)
        assert (m and (m.start(), m.group())) == (n and (n.start(), n.group()))
    assert lazy.pattern == real.pattern and lazy.flags == 0


@pytest.mark.parametrize("text", ["a: \x01\n", "a: b\n\x7f", "a: \ufffe\n", "键: 值\n\x0b"])
def test_the_pure_reader_reports_as_before(text):
    with pytest.raises(yaml.reader.ReaderError) as ours:
        yaml.compose(text, Loader=yamlsafe.SafeComposer)
    found = re.compile(yamlsafe._NON_PRINTABLE).search(text)
    assert (ours.value.position, ours.value.character) == (found.start(), ord(found.group()))
