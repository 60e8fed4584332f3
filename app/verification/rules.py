"""The named rules, in the order they run; each is unit-tested in tests/verification."""

from __future__ import annotations

from collections.abc import Callable

from app.db.models import Order
from app.verification.blocklist import check_blocklist
from app.verification.context import VerifyContext
from app.verification.duplicates import check_duplicates
from app.verification.issues import Issue
from app.verification.payment import check_payment
from app.verification.price import check_prices, check_totals
from app.verification.product import check_products
from app.verification.quantity import check_quantities
from app.verification.recipient import check_address, check_name, check_phone
from app.verification.remarks import check_remarks

Rule = Callable[[Order, VerifyContext], list[Issue]]

# Address and phone run before duplicates and blocklist, which compare the normalised values.
RULES: tuple[tuple[str, Rule], ...] = (
    ("payment", check_payment),
    ("product", check_products),
    ("quantity", check_quantities),
    ("price", check_prices),
    ("totals", check_totals),
    ("recipient", check_name),
    ("address", check_address),
    ("phone", check_phone),
    ("duplicate", check_duplicates),
    ("remark", check_remarks),
    ("blocklist", check_blocklist),
)


def run_rules(order: Order, ctx: VerifyContext) -> list[Issue]:
    issues: list[Issue] = []
    for _name, rule in RULES:
        issues.extend(rule(order, ctx))
    return issues
