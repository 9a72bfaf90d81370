"""The site's relative links: the string-splitting relpath gives posixpath's answer."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from jdgen.site.indexes import locale_link
from jdgen.site.pages import relative, relpath

segment = st.sampled_from(["es", "zh", "page", "2", "location", "lima", "..", ".", "", "a b"])
path = st.lists(segment, max_size=5).map("/".join) | st.just(".")


@given(path, path)
def test_relpath_is_posixpaths(target: str, start: str) -> None:
    target, start = target or ".", start or "."
    if target.startswith("/") != start.startswith("/"):
        return  # posixpath.relpath of an absolute and a relative path depends on the cwd
    assert relpath(target, start) == posixpath.relpath(target, start)


def test_relative_links_between_listing_pages() -> None:
    assert relative("es/page/2/index.html", "es/index.html") == "../../"
    assert relative("es/index.html", "es/page/2/index.html") == "page/2/"
    assert relative("es/location/lima/index.html", "zh/roles/x.html") == "../../../zh/roles/x.html"
    assert relative("index.html", "index.html") == "./"
    assert relative("es/index.html", "es/index.html") == "./"


page_path = st.lists(segment, max_size=4).map(lambda parts: "/".join([*parts, "index.html"]))


@given(st.sampled_from(["es", "zh", "en"]), page_path, page_path | path)
def test_locale_link_is_relative(tag: str, page: str, target: str) -> None:
    page, target = f"{tag}/{page}", f"{tag}/{target}"
    up = relative(page, f"{tag}/index.html")
    assert locale_link(page, tag, target, up) == relative(page, target)
