"""Job-board feeds, as site pages: ``indeed.xml`` (the dialect Indeed, Talent.com, Talroo,
ZipRecruiter and Careerjet read), ``linkedin.xml`` (LinkedIn's job XML) and an Atom feed
per locale.

Each role's entries are written when the role is rendered (:func:`feed_parts`) and kept
in the build cache with its outputs; the feeds are those entries joined, in the order of
the role ids, between a head and a foot (:func:`feed_files`). So one role changed
rewrites its own entries and the join, never every posting's.
"""
