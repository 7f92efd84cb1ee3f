"""Named, versioned stages: readers and extractors register here, built-in ones exactly like plug-ins.

After spaCy's registered pipeline functions: each stage is a small function that declares what it needs
(``requires``) and what it sets (``assigns``), so the pipeline can check the order and explain itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Entry(Generic[F]):
    name: str
    func: F
    version: str = "1"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()  # readers: file name endings they handle
    description: str = ""

    @property
    def qualified(self) -> str:
        return f"{self.name}.v{self.version}"


@dataclass
class Registry(Generic[F]):
    kind: str
    entries: dict[str, Entry[F]] = field(default_factory=dict)

    def register(
        self,
        name: str,
        *,
        version: str = "1",
        requires: tuple[str, ...] = (),
        assigns: tuple[str, ...] = (),
        extensions: tuple[str, ...] = (),
        description: str = "",
    ) -> Callable[[F], F]:
        def deco(func: F) -> F:
            self.entries[name] = Entry(
                name,
                func,
                version,
                requires,
                assigns,
                extensions,
                description or (func.__doc__ or "").strip(),
            )
            return func

        return deco

    def get(self, name: str) -> Entry[F]:
        try:
            return self.entries[name]
        except KeyError:
            known = ", ".join(sorted(self.entries)) or "none"
            raise KeyError(f"no {self.kind} named {name!r}; registered: {known}") from None

    def names(self) -> list[str]:
        return list(self.entries)

    def __contains__(self, name: object) -> bool:
        return name in self.entries


readers: Registry[Callable[..., Any]] = Registry("reader")
stages: Registry[Callable[..., Any]] = Registry("stage")
