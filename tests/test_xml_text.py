"""jdgen's XML escaping gives the bytes xml.sax.saxutils gives."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from hypothesis import given, settings
from hypothesis import strategies as st

from jdgen.foundation import xml_text

TRICKY = st.text(alphabet=st.sampled_from("&<>\"'\n\r\tab é中&amp;"), max_size=30) | st.text()


@settings(deadline=None)  # the machine's load is no failure
@given(TRICKY)
def test_the_same_as_saxutils(text: str) -> None:
    assert xml_text.xml_escape(text) == escape(text)
    assert xml_text.quoteattr(text) == quoteattr(text)


def test_quotes_are_chosen_as_saxutils_chooses() -> None:
    assert xml_text.quoteattr('say "hi"') == "'say \"hi\"'"
    assert xml_text.quoteattr('it\'s "x"') == '"it\'s &quot;x&quot;"'
    assert xml_text.quoteattr("a<b&c\n") == '"a&lt;b&amp;c&#10;"'
