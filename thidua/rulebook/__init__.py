"""ThiĐua rulebook: the law as data and small pure functions. No Django import here.

Public API (stable; other apps and the JSON CLI depend on it):
    evaluate, evaluate_all, evaluate_many, Verdict, Criterion
    forecast, ForecastItem
    may_grant, competent_decider
    prize, payable, PrizeItem, base_salary, amount_in_words, format_vnd
    add_working_days, holidays_for_year, disclosure_deadline
    ballot_outcome
    RulebookSettings, select_ruleset, RuleSet, Rule
    PersonHistory, UnitHistory, Grant, Initiative, Discipline, MemberSummary, ClusterResult, MovementLeadership
"""
from .authority import competent_decider, may_grant
from .codes import AWARD_KINDS, CODES, DECIDERS, RATINGS
from .council import ballot_outcome
from .eligibility import Criterion, Verdict, applicable_codes, evaluate, evaluate_all, evaluate_many
from .errors import InputError, RulebookError
from .forecast import ForecastItem, forecast
from .history import (
    ClusterResult,
    Discipline,
    Grant,
    Initiative,
    MemberSummary,
    MovementLeadership,
    PersonHistory,
    UnitHistory,
    person_from_dict,
    unit_from_dict,
)
from .money import Payable, Prize, PrizeItem, base_salary, payable, prize
from .rulesets import Rule, RuleSet, select_ruleset
from .settings import RulebookSettings
from .words import amount_in_words, format_vnd, number_in_words
from .workdays import add_working_days, disclosure_deadline, holidays_for_year

__all__ = [
    "evaluate", "evaluate_all", "evaluate_many", "applicable_codes", "Verdict", "Criterion",
    "forecast", "ForecastItem", "may_grant", "competent_decider", "prize", "payable", "PrizeItem", "Prize",
    "Payable", "base_salary", "amount_in_words", "number_in_words", "format_vnd", "add_working_days",
    "holidays_for_year", "disclosure_deadline", "ballot_outcome", "RulebookSettings", "select_ruleset",
    "RuleSet", "Rule", "PersonHistory", "UnitHistory", "Grant", "Initiative", "Discipline", "MemberSummary",
    "ClusterResult", "MovementLeadership", "person_from_dict", "unit_from_dict", "RulebookError", "InputError",
    "CODES", "RATINGS", "AWARD_KINDS", "DECIDERS",
]
