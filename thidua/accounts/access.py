"""Who may see and change what: every page and API call goes through these.

A user's reach is the union of their role assignments; each covers one unit,
or its whole subtree (materialised path prefix). Results are cached on the
user object for the request.
"""

import hashlib
from dataclasses import dataclass

from django.db.models import Q

from .models import Capability


@dataclass(frozen=True)
class Reach:
    exact_ids: frozenset
    prefixes: tuple
    everything: bool = False

    def q(self, path_field: str = "path", id_field: str = "id") -> Q:
        if self.everything:
            # Not Q(): Django drops an empty Q from an OR (Q() | Q(x) == Q(x)), so callers that
            # OR several scopes (grant_list_for, movement_list_for…) would narrow a superuser to x.
            return Q(pk__isnull=False)
        q = Q(**{f"{id_field}__in": list(self.exact_ids)}) if self.exact_ids else Q(pk__in=[])
        for prefix in self.prefixes:
            q |= Q(**{f"{path_field}__startswith": prefix})
        return q

    def covers(self, unit) -> bool:
        """``unit``: an org.Unit (or None); only its ``pk`` and materialised ``path`` are read."""
        if unit is None:
            return self.everything
        if self.everything or unit.pk in self.exact_ids:
            return True
        return any(unit.path.startswith(p) for p in self.prefixes)

    @property
    def empty(self) -> bool:
        return not (self.everything or self.exact_ids or self.prefixes)


NO_REACH = Reach(frozenset(), ())
ASSIGNMENTS = object()  # the key, in a user's reach cache, of their role assignments


def reach(user, capability: str = Capability.VIEW) -> Reach:
    if user is None or not user.is_authenticated or not user.is_active:
        return NO_REACH
    if user.is_superuser:
        return Reach(frozenset(), (), everything=True)
    cache = user.__dict__.setdefault("_thidua_reach", {})
    if capability in cache:
        return cache[capability]
    if ASSIGNMENTS not in cache:  # read once per request (the user object's life), whatever the capabilities
        cache[ASSIGNMENTS] = [(ra.role.capabilities, ra.include_descendants, ra.unit_id, ra.unit.path)
                              for ra in user.role_assignments.select_related("role", "unit").only(
                                  "include_descendants", "unit__path", "role__capabilities")]
    exact, prefixes = set(), []
    for capabilities, include_descendants, unit_id, path in cache[ASSIGNMENTS]:
        if capability not in capabilities:
            continue
        if include_descendants:
            prefixes.append(path)
        else:
            exact.add(unit_id)
    # A prefix already inside another is redundant; keep the query short.
    prefixes.sort(key=len)
    kept: list[str] = []
    for p in prefixes:
        if not any(p.startswith(k) for k in kept):
            kept.append(p)
    result = Reach(frozenset(exact), tuple(kept))
    cache[capability] = result
    return result


def reach_key(user, capability: str = Capability.VIEW) -> str:
    """A short name for what the user reaches: users with the same reach share cached figures."""
    r = reach(user, capability)
    if r.everything:
        return "all"
    raw = ",".join(map(str, sorted(r.exact_ids))) + "|" + ",".join(r.prefixes)
    return hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()[:16]


def can(user, capability: str, unit) -> bool:
    return reach(user, capability).covers(unit)


def scope_q(user, unit_field: str, capability: str = Capability.VIEW) -> Q:
    """Q for a model with a ForeignKey to Unit named `unit_field`."""
    return reach(user, capability).q(path_field=f"{unit_field}__path", id_field=f"{unit_field}_id")


def has_any(user, capability: str) -> bool:
    return not reach(user, capability).empty


def users_with(capability: str, unit, *, nearest: bool = True):
    """The active users whose roles give ``capability`` over ``unit`` (assigned on it, or on an ancestor with its
    subtree): who is handed the next step. With ``nearest`` (the default), only those of the closest level that
    has any: a commune's own staff, not every provincial officer whose reach covers the commune.
    ``unit``: an org.Unit; only ``pk`` and ``path`` are read."""
    from django.contrib.auth import get_user_model

    from .models import RoleAssignment

    if unit is None:
        return get_user_model().objects.none()
    parts = [p for p in unit.path.strip("/").split("/") if p]
    paths = ["/" + "/".join(parts[:i]) + "/" for i in range(1, len(parts) + 1)]  # the unit and its ancestors
    by_depth: dict[int, set] = {}
    for ra in RoleAssignment.objects.select_related("role", "unit").filter(user__is_active=True,
                                                                             unit__path__in=paths):
        if capability not in ra.role.capabilities:
            continue
        if ra.unit_id == unit.pk or (ra.include_descendants and unit.path.startswith(ra.unit.path)):
            by_depth.setdefault(len(ra.unit.path), set()).add(ra.user_id)
    if not by_depth:
        return get_user_model().objects.none()
    ids = by_depth[max(by_depth)] if nearest else set().union(*by_depth.values())
    return get_user_model().objects.filter(pk__in=ids)
