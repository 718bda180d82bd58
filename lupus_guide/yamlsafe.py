"""A YAML loader that builds only plain data.

It is PyYAML's SafeLoader (the C one when available): Python-object tags are rejected. Dates are
left as text so models check their format; booleans stay booleans so a YAML 1.1 ``no`` in a text
field fails validation instead of printing "False".
"""

from __future__ import annotations

import yaml

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class GuideLoader(_Base):  # type: ignore[misc, valid-type]
    pass


GuideLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
