"""Read YAML content files and remember the line each key and list item came from.

Editors get errors like "content/helplines.yaml:12", so every mapping and list
that the loader builds carries the line numbers of its parts.
"""

import yaml


class Located(dict):
    """A mapping that knows its own line and the line of each key."""

    line = 0

    def __init__(self):
        super().__init__()
        self.lines = {}

    def line_of(self, key):
        return self.lines.get(key, self.line)


class LocatedList(list):
    """A list that knows its own line and the line of each item."""

    line = 0

    def __init__(self):
        super().__init__()
        self.lines = []

    def line_of(self, index):
        return self.lines[index] if index < len(self.lines) else self.line


class YamlProblem(Exception):
    """The file is not valid YAML, or repeats a key."""

    def __init__(self, line, message):
        super().__init__(message)
        self.line = line
        self.message = message


# libyaml's loader is several times faster and gives the same line marks; PyYAML without
# libyaml falls back to the pure-Python one.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """A safe loader (no Python objects) that builds Located containers."""


def _construct_mapping(loader, node):
    mapping = Located()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key_line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise YamlProblem(key_line, f"a key must be a word, not {key!r}")
        if key in mapping:
            raise YamlProblem(key_line, f'"{key}" appears twice here')
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_line
    return mapping


def _construct_sequence(loader, node):
    items = LocatedList()
    items.line = node.start_mark.line + 1
    for item_node in node.value:
        items.append(loader.construct_object(item_node, deep=True))
        items.lines.append(item_node.start_mark.line + 1)
    return items


def _construct_date(loader, node):
    try:
        return _SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise YamlProblem(node.start_mark.line + 1, f"{node.value!r} is not a real date (write YYYY-MM-DD)") from None


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_date)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load(text):
    """Parse YAML text into Located containers; raise YamlProblem with a line."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlProblem(line, error.problem or str(error)) from error
    except yaml.YAMLError as error:
        raise YamlProblem(0, str(error)) from error
