"""Field permissions applied to one kind of record, the same way on every path (G6).

A resource (e.g. `customers`, `contacts`) names the fields that roles may hide, mask or make
read-only; everything else (ids, owner, version, timestamps) is always shown. `render` is the one
serializer step for details, lists, exports and the call-center view; `refuse_unwritable` guards
every write. Custom fields are governed too, as `custom.<key>` inside the `custom_fields` object.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from gateway.identity.masking import mask
from gateway.identity.policy import FieldAccess
from gateway.identity.principal import Principal
from gateway.problems import ProblemError

CUSTOM = "custom_fields"


def _masked(value: Any) -> Any:
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, list):
        return [_masked(v) for v in value]
    if isinstance(value, dict):
        return {k: _masked(v) for k, v in value.items()}
    # A number or a flag cannot be shown in part: masked, it is absent (null).
    return None


@dataclasses.dataclass(frozen=True)
class ResourceFields:
    resource: str
    # Fields subject to field permissions.
    governed: tuple[str, ...]
    # Fields that show the same data (e.g. `phone` is the first of `phones`): a rule on one
    # applies to all of its group, the most restrictive rule of the group winning.
    groups: tuple[tuple[str, ...], ...] = ()

    def access(self, principal: Principal, name: str) -> FieldAccess:
        names = next((g for g in self.groups if name in g), (name,))
        return min(principal.field_access(self.resource, n) for n in names)

    def governs(self, name: str) -> bool:
        return name in self.governed or name.startswith("custom.")

    def render(self, data: dict[str, Any], principal: Principal | None) -> dict[str, Any]:
        """`data` as `principal` may see it: hidden fields left out, masked ones masked (every
        string inside them); without a principal, unchanged."""
        if principal is None:
            return data
        out = dict(data)
        for name in self.governed:
            self._apply(out, name, self.access(principal, name))
        custom = out.get(CUSTOM)
        if isinstance(custom, dict):
            visible = dict(custom)
            for key in custom:
                self._apply(visible, key, self.access(principal, f"custom.{key}"))
            out[CUSTOM] = visible
        return out

    @staticmethod
    def _apply(out: dict[str, Any], name: str, access: FieldAccess) -> None:
        if name not in out:
            return
        if access is FieldAccess.HIDDEN:
            del out[name]
        elif access is FieldAccess.MASKED:
            out[name] = _masked(out[name])

    def refuse_unwritable(self, principal: Principal, values: dict[str, Any]) -> None:
        """403 `field.not_editable` naming every field in `values` (custom ones inside
        `custom_fields`) that the caller may not write; None values are not writes."""
        names = [n for n, v in values.items() if v is not None and n != CUSTOM and n in self.governed]
        custom = values.get(CUSTOM)
        if isinstance(custom, dict):
            names += [f"custom.{k}" for k in custom]
        refused = [n for n in names if self.access(principal, n) < FieldAccess.EDITABLE]
        if refused:
            raise ProblemError(
                403,
                "field.not_editable",
                f"You may not set {', '.join(refused)} on {self.resource}.",
                errors=[
                    {
                        "field": f,
                        "location": "body",
                        "message": "not editable for your roles",
                        "type": "field.not_editable",
                    }
                    for f in refused
                ],
            )
