import datetime as dt

from thidua.rulebook import Discipline, Grant, Initiative, MemberSummary, PersonHistory, UnitHistory

DD = dt.date(2025, 12, 15)  # decision date in the NĐ 152 period


def person(ratings=None, titles=None, judged=True, **kw):
    titles = {y: set(c) for y, c in (titles or {}).items()}
    judgements = kw.pop("judgements", None)
    if judgements is None and judged:
        judgements = {y: {"*": True} for y in range(2015, 2031)}
    return PersonHistory(id=kw.pop("id", "p"), ratings=ratings or {}, titles=titles, judgements=judgements or {}, **kw)


def unit(results=None, titles=None, members=None, judged=True, **kw):
    titles = {y: set(c) for y, c in (titles or {}).items()}
    judgements = {y: {"*": True} for y in range(2015, 2031)} if judged else {}
    return UnitHistory(id=kw.pop("id", "u"), results=results or {}, titles=titles, members=members or {},
                       judgements=judgements, **kw)


def summary(total, completed=None, ldtt=None, cstdcs=None, disciplined=0):
    return MemberSummary(total=total, completed=total if completed is None else completed, ldtt=ldtt, cstdcs=cstdcs,
                         disciplined=disciplined)


def cs_years(*years):
    return {y: {"CSTDCS"} for y in years}


__all__ = ["DD", "person", "unit", "summary", "cs_years", "Grant", "Initiative", "Discipline", "dt"]
