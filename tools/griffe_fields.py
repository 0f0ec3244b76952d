"""Griffe extension for the API reference: a dataclass's undocumented fields are already in its
signature, so they get no entry of their own (documented fields and all methods keep theirs)."""

from __future__ import annotations

from typing import Any

import griffe


def _is_dataclass(cls: griffe.Class) -> bool:
    return any("dataclass" in str(d.value) for d in cls.decorators)


class DataclassFieldsInSignature(griffe.Extension):
    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        stack: list[griffe.Object] = [pkg]
        while stack:
            obj = stack.pop()
            for member in list(obj.members.values()):
                if member.is_alias:
                    continue
                if member.is_class and _is_dataclass(member):  # type: ignore[arg-type]
                    for field, m in list(member.members.items()):
                        if not m.is_alias and m.is_attribute and not m.docstring:
                            del member.members[field]
                if member.is_module or member.is_class:
                    stack.append(member)  # type: ignore[arg-type]
