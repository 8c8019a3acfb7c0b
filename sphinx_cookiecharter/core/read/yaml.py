"""YAML: plain data and positions from PyYAML's parser events, in one pass."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn

import yaml

from ..model import Position
from . import Budget, ReadError, SourceTree, plain_scalar

if TYPE_CHECKING:
    from collections.abc import Callable, Container, Iterator

    from ..diagnostics import PathPart


def read(text: str, budget: Budget) -> SourceTree:
    """Read YAML ``text``; a syntax error or a refused construct raises :class:`ReadError`."""
    return _YamlReader(budget).read(text)


_YAML_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)
_YAML_STR = "tag:yaml.org,2002:str"
_YAML_SEQ = "tag:yaml.org,2002:seq"
#: Plain keys that YAML reads as something else than text (merge and value keys).
_YAML_SPECIAL_KEYS = frozenset(("<<", "="))
_YAML_MAP = "tag:yaml.org,2002:map"


def _yaml_tag(tag: str) -> str:
    """A tag as it is usually written: ``!!binary`` rather than its full URI."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag.removeprefix(prefix) if tag.startswith(prefix) else tag


def _where(mark: Any) -> tuple[int, int]:
    """A parser's mark (0-based) as a 1-based line and column."""
    return mark.line + 1, mark.column + 1


class _EveryCharacter:
    """A container that holds every character."""

    def __contains__(self, item: object) -> bool:
        return True


_EVERY_CHARACTER = _EveryCharacter()


class _Frame:
    """A YAML mapping or sequence being read, with the values counted inside it so far."""

    __slots__ = ("aliased", "anchor", "key", "mark", "path", "total", "value")

    def __init__(self, value: Any, path: tuple[PathPart, ...], mark: Any, anchor: str | None):
        self.value = value
        self.path = path
        self.mark = mark
        self.anchor = anchor
        self.total = 1
        self.aliased = False
        self.key: str | None = None  # a mapping's key waiting for its value


class _YamlReader:
    """Builds plain data and positions from the parser's events, in one pass.

    No node graph is kept (it would take several times the memory of the data), and an
    alias adds the size of what it stands for to every mapping and sequence around it,
    so a "billion laughs" file is refused as soon as it would expand past the limit.
    """

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.positions: dict[tuple[PathPart, ...], Position] = {}
        self.constructor = yaml.constructor.SafeConstructor()
        resolver = yaml.resolver.Resolver()
        self.resolve: Callable[[type[yaml.Node], str | None, Any], str] = resolver.resolve
        #: The first characters of the plain scalars an implicit tag may apply to
        #: (all of them, if one applies whatever the first character).
        implicit = resolver.yaml_implicit_resolvers
        self.resolved_firsts: Container[str] = (
            frozenset(implicit) if None not in implicit else _EVERY_CHARACTER
        )

    def read(self, text: str) -> SourceTree:
        # Both parsers skip a byte-order mark, but count columns after it differently.
        text = text.removeprefix("\ufeff")
        if yaml.__with_libyaml__:
            try:
                return self.build(yaml.parse(text, Loader=yaml.CSafeLoader))
            except ReadError:
                raise
            except Exception:  # any refusal: the slower parser explains it below
                self.budget.count, self.positions = 0, {}
        try:
            return self.build(yaml.parse(text, Loader=yaml.SafeLoader))
        except yaml.reader.ReaderError as exc:
            character = exc.character
            code = ord(character) if isinstance(character, str) else character
            line = text.count("\n", 0, exc.position) + 1
            column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
            raise ReadError(
                f"YAML syntax error: the character U+{code:04X} is not allowed in YAML",
                line,
                column,
                expected="printable text; write control characters as escapes such as \\t",
            ) from None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or exc.context or "invalid YAML"
            if exc.context and problem.startswith("but "):
                # Such as "expected a single document in the stream, but found another..."
                problem = f"{exc.context}, {problem}"
            raise ReadError(
                f"YAML syntax error: {problem}",
                mark.line + 1 if mark else None,
                mark.column + 1 if mark else None,
            ) from None
        except yaml.YAMLError as exc:
            raise ReadError(f"YAML syntax error: {exc}") from None

    def build(self, events: Iterator[Any]) -> SourceTree:
        stack: list[_Frame] = []
        anchors: dict[str, tuple[Any, int]] = {}
        root: list[Any] = []
        documents = 0
        positions = self.positions
        event: Any  # the stubs' marks may be None; the parsers always give them
        for event in events:
            kind = type(event)
            # The most frequent event first: a value or key of a mapping.
            if kind is yaml.ScalarEvent:
                if not stack:
                    value = self.scalar(event, ())
                    self.place(stack, root, value, 1, aliased=False)
                    if event.anchor:
                        anchors[event.anchor] = (value, 1)
                    continue
                frame = stack[-1]
                if type(frame.value) is dict:
                    if frame.key is None:
                        self.take_key(frame, event)
                        continue
                    value = self.scalar(event, (*frame.path, frame.key))
                    frame.value[frame.key] = value
                    frame.key = None
                else:
                    value = self.scalar(event, (*frame.path, len(frame.value)))
                    frame.value.append(value)
                frame.total += 1
                if frame.aliased and frame.total > self.budget.limits.max_values:
                    self.place_refused(frame)
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                is_mapping = kind is yaml.MappingStartEvent
                if stack and type(stack[-1].value) is dict and stack[-1].key is None:
                    self.refuse_key(event)
                path = self.child_path(stack)
                self.check_tag(event, yaml.MappingNode if is_mapping else yaml.SequenceNode)
                position = Position(*_where(event.start_mark))
                positions.setdefault(path, position)
                self.budget.take(path, position)
                stack.append(_Frame({} if is_mapping else [], path, event.start_mark, event.anchor))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame.anchor:
                    anchors[frame.anchor] = (frame.value, frame.total)
                self.place(stack, root, frame.value, frame.total, aliased=frame.aliased)
            elif kind is yaml.AliasEvent:
                if stack and type(stack[-1].value) is dict and stack[-1].key is None:
                    self.refuse_key(event)
                if event.anchor not in anchors:
                    opened = next((f for f in stack if f.anchor == event.anchor), None)
                    mark = opened.mark if opened else event.start_mark
                    problem = (
                        "a YAML alias refers to itself"
                        if opened
                        else f"YAML syntax error: found undefined alias {event.anchor!r}"
                    )
                    raise ReadError(problem, *_where(mark))
                value, size = anchors[event.anchor]
                path = self.child_path(stack)
                positions.setdefault(path, Position(*_where(event.start_mark)))
                self.place(stack, root, value, size, aliased=True)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    raise ReadError(
                        "YAML syntax error: expected a single document in the stream, but "
                        "found another document",
                        *_where(mark),
                    )
        return SourceTree(root[0] if root else None, positions)

    @staticmethod
    def child_path(stack: list[_Frame]) -> tuple[PathPart, ...]:
        """The path of the value that comes next."""
        if not stack:
            return ()
        frame = stack[-1]
        if type(frame.value) is dict:
            return (*frame.path, frame.key)  # type: ignore[arg-type]
        return (*frame.path, len(frame.value))

    def take_key(self, frame: _Frame, event: Any) -> None:
        mark = event.start_mark
        tag = event.tag
        if tag is not None or event.value in _YAML_SPECIAL_KEYS:
            if tag is None or tag == "!":
                tag = self.resolve(yaml.ScalarNode, event.value, event.implicit)
            if tag not in _YAML_SCALAR_TAGS:
                self.refuse_key(event, tag)
        # The key as written: `no:` or `on:` stay language codes, not booleans.
        key = event.value
        if key in frame.value:
            raise ReadError(f"duplicate key {key!r}", *_where(mark))
        frame.key = key
        self.positions[(*frame.path, key)] = Position(mark.line + 1, mark.column + 1)

    @staticmethod
    def refuse_key(event: Any, tag: str | None = None) -> None:
        mark = event.start_mark
        tag = tag or getattr(event, "tag", None) or ""
        problem = (
            "merge keys (<<) are not supported"
            if tag.endswith(":merge")
            else "a mapping key must be a plain value"
        )
        raise ReadError(problem, *_where(mark))

    def check_tag(self, event: Any, kind: type[yaml.Node]) -> str:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.resolve(kind, getattr(event, "value", None), event.implicit)
        if kind is yaml.MappingNode:
            allowed: Container[str] = (_YAML_MAP,)
        elif kind is yaml.SequenceNode:
            allowed = (_YAML_SEQ,)
        else:
            allowed = _YAML_SCALAR_TAGS
        if tag not in allowed:
            mark = event.start_mark
            raise ReadError(
                f"unsupported YAML tag {_yaml_tag(tag)!r}",
                *_where(mark),
                expected="plain YAML values (strings, numbers, lists and mappings)",
            )
        return str(tag)

    def scalar(self, event: Any, path: tuple[PathPart, ...]) -> Any:
        value = event.value
        if event.tag is None and (
            not event.implicit[0] or (value and value[0] not in self.resolved_firsts)
        ):
            # Quoted, or plain and starting with a character no implicit tag starts
            # with (a letter of most texts): a string, as the resolver would say.
            tag = _YAML_STR
        else:
            tag = self.check_tag(event, yaml.ScalarNode)
        mark = event.start_mark
        position = Position(mark.line + 1, mark.column + 1)
        self.positions.setdefault(path, position)
        self.budget.take(path, position)
        if tag == _YAML_STR:
            return value
        node = yaml.ScalarNode(tag, value, style=event.style)
        try:
            return plain_scalar(self.constructor.construct_object(node))
        except Exception:  # such as `!!bool maybe`: the constructors raise many kinds
            return event.value  # such as 2026-02-30: the schema will say what is wrong

    def place(
        self,
        stack: list[_Frame],
        root: list[Any],
        value: Any,
        size: int,
        *,
        aliased: bool,
    ) -> None:
        """Put a finished value in its mapping or sequence, which grows by its size.

        A mapping or sequence with an alias inside is refused as soon as its expanded
        size passes the limit: that is, at the innermost one that does.
        """
        if not stack:
            root.append(value)
            return
        frame = stack[-1]
        if type(frame.value) is dict:
            frame.value[frame.key] = value
            frame.key = None
        else:
            frame.value.append(value)
        frame.total += size
        frame.aliased = frame.aliased or aliased
        if frame.aliased and frame.total > self.budget.limits.max_values:
            self.place_refused(frame)

    def place_refused(self, frame: _Frame) -> NoReturn:
        """The refusal of a mapping or sequence expanding past the limit."""
        raise ReadError(
            f"the declaration would expand to more than {self.budget.limits.max_values:,} "
            "values (YAML aliases expanding too far)",
            *_where(frame.mark),
            kind="limit",
        )
