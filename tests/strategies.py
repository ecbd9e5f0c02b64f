"""Hypothesis strategies shared by the property tests: grammar characters mixed with anything."""

from __future__ import annotations

from hypothesis import strategies as st

#: Characters that matter to the grammar and the rules, mixed with anything at all.
GRAMMAR = "零〇一二两三四五六七八九十百千0123456789０１２３４５６７８９（）()、.．,，:：;；。是第首先其次最后 \u3000\t"
HOSTILE = "\x00\ufeff\u200b\u2028\u2029\ufffd\r#<>!-[]()`*_{}%@/\\\"'“”《》…—～"

grammar_text = st.text(alphabet=st.sampled_from(GRAMMAR + HOSTILE) | st.characters(), max_size=60)
#: Any code point, lone surrogates included (the API takes Python strings, which may hold them).
any_char = st.characters(codec=None, categories=None) | st.sampled_from(GRAMMAR + HOSTILE)
any_text = st.text(alphabet=any_char, max_size=400)
any_lines = st.lists(st.text(alphabet=any_char, max_size=80), max_size=12).map("\n".join)
