"""The catalogue as data, and the triage codes."""

from __future__ import annotations

import dataclasses
import os
from decimal import Decimal

import pytest

# The shared conftest reads Django settings even under `-p no:django`; these tests need
# no Django, but must not break the collection hook.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "triagedesk.settings")

from triagedesk.triage.catalog_data import (  # noqa: E402
    CATALOG,
    CATALOG_BY_SLUG,
    CATALOG_LANGUAGES,
    PRICE_KINDS,
    SURCHARGE_MAX,
    SURCHARGE_MIN,
    CaseSpec,
)
from triagedesk.triage.codes import Code, InvalidCode  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_media():
    """Pure tests: replace the shared autouse fixture that needs pytest-django."""
    yield


EXPECTED_SLUGS = {
    Code.RED: [
        "site_down", "slow_site", "repeated_5xx", "defacement", "hardware_failure", "network_outage",
        "file_loss", "db_loss", "email_not_working", "cache_stale", "db_restore", "file_restore",
    ],
    Code.YELLOW: [
        "nginx_rewrite", "scale_up_migration", "staging_restore", "staging_clone", "new_domain",
        "hosting_activation", "dedicated_activation", "hosting_migration", "new_mailbox", "dns_record",
        "nameserver_switch", "mysql_password", "ftp_password", "email_password", "cms_password",
    ],
    Code.GREEN: [
        "https_letsencrypt", "subdomain", "pagespeed", "performance_tuning", "instance_downgrade",
        "permalink_301", "external_backup", "epp_code", "expert_report",
    ],
    Code.WHITE: [
        "cms_migration", "theme_development", "plugin_development", "ads_campaign", "link_building",
        "woocommerce_update", "risky_plugin_update", "performance_consulting", "seo_audit", "copywriting",
        "social_media", "photography", "graphics", "prospect_evaluation",
    ],
}


def test_every_item_of_the_four_lists_is_present_in_order():
    for code, slugs in EXPECTED_SLUGS.items():
        assert [spec.slug for spec in CATALOG if spec.code is code] == slugs
    assert [len(v) for v in EXPECTED_SLUGS.values()] == [12, 15, 9, 14]
    assert len(CATALOG) == len(CATALOG_BY_SLUG) == 50


def test_codes_are_in_severity_order_along_the_catalogue():
    severities = [spec.code.severity for spec in CATALOG]
    assert severities == sorted(severities)


@pytest.mark.parametrize("spec", CATALOG, ids=lambda spec: spec.slug)
def test_each_spec_is_well_formed(spec: CaseSpec):
    assert spec.price_kind in PRICE_KINDS
    assert spec.currency == "EUR"
    assert set(spec.names) == set(CATALOG_LANGUAGES) == {"it", "en", "fr", "ru"}
    assert set(spec.descriptions) == set(CATALOG_LANGUAGES)
    assert all(text.strip() for text in [*spec.names.values(), *spec.descriptions.values()])
    for amount in (spec.price_min, spec.price_max):
        assert amount is None or (isinstance(amount, Decimal) and amount >= 0)
    if spec.price_kind == "amount":
        assert spec.price_min == spec.price_max and spec.price_min > 0
    if spec.price_kind == "range":
        assert spec.price_min < spec.price_max
    if spec.price_kind == "free":
        assert spec.price_min == spec.price_max == 0
    if spec.price_kind == "included":
        assert spec.price_min is None and spec.price_max is None
    if spec.surcharge:
        assert spec.code is Code.RED and spec.price_kind == "included"


@pytest.mark.parametrize(
    ("slug", "kind", "low", "high"),
    [
        ("defacement", "amount", 50, 50),
        ("db_restore", "amount", 40, 40),
        ("file_restore", "amount", 40, 40),
        ("hardware_failure", "free", 0, 0),
        ("network_outage", "free", 0, 0),
        ("nginx_rewrite", "quote", 20, None),
        ("scale_up_migration", "instance_plus", 50, None),
        ("staging_restore", "amount", 50, 50),
        ("staging_clone", "amount", 50, 50),
        ("new_domain", "range", 10, 50),
        ("hosting_activation", "contract", None, None),
        ("dedicated_activation", "contract", None, None),
        ("hosting_migration", "contract", 20, None),
        ("new_mailbox", "amount", 10, 10),
        ("dns_record", "amount", 10, 10),
        ("nameserver_switch", "amount", 10, 10),
        ("mysql_password", "amount", 10, 10),
        ("ftp_password", "amount", 10, 10),
        ("email_password", "amount", 10, 10),
        ("cms_password", "amount", 10, 10),
        ("https_letsencrypt", "included", None, None),
        ("subdomain", "amount", 10, 10),
        ("pagespeed", "quote", None, None),
        ("performance_tuning", "quote", None, None),
        ("instance_downgrade", "instance_plus", 50, None),
        ("permalink_301", "amount", 50, 50),
        ("external_backup", "amount", 100, 100),
        ("epp_code", "free", 0, 0),
        ("expert_report", "amount", 300, 300),
    ],
)
def test_prices_come_from_the_seeds(slug, kind, low, high):
    spec = CATALOG_BY_SLUG[slug]
    assert spec.price_kind == kind
    assert spec.price_min == (None if low is None else Decimal(low))
    assert spec.price_max == (None if high is None else Decimal(high))


def test_asterisked_red_items_carry_the_customer_fault_surcharge():
    surcharged = {spec.slug for spec in CATALOG if spec.surcharge}
    assert surcharged == {
        "site_down", "slow_site", "repeated_5xx", "file_loss", "db_loss", "email_not_working", "cache_stale",
    }
    assert (SURCHARGE_MIN, SURCHARGE_MAX) == (Decimal(20), Decimal(50))


def test_white_items_are_quoted():
    assert {spec.price_kind for spec in CATALOG if spec.code is Code.WHITE} == {"quote"}


def test_specs_are_frozen_and_hashable():
    spec = CATALOG_BY_SLUG["site_down"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.code = Code.WHITE  # type: ignore[misc]
    assert len({spec, CATALOG_BY_SLUG["db_loss"]}) == 2


def test_names_in_the_customer_languages():
    assert CATALOG_BY_SLUG["site_down"].names["it"].startswith("Sito web down")
    assert CATALOG_BY_SLUG["epp_code"].names["fr"].startswith("Fourniture du code")
    assert CATALOG_BY_SLUG["ftp_password"].names["ru"] == "Утерян пароль FTP"


# ------------------------------------------------------------------ codes

def test_code_values_and_severity():
    assert [code.value for code in Code] == ["red", "yellow", "green", "white"]
    assert [code.severity for code in Code] == [0, 1, 2, 3]
    assert Code.RED == "red" and f"{Code.GREEN}" == "green"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("red", Code.RED), ("RED", Code.RED), (" Rosso ", Code.RED), ("rouge", Code.RED), ("красный", Code.RED),
        ("codice giallo", Code.YELLOW), ("Jaune", Code.YELLOW), ("жёлтый", Code.YELLOW), ("желтый", Code.YELLOW),
        ("verde", Code.GREEN), ("vert", Code.GREEN), ("Зелёный", Code.GREEN), ("grün", Code.GREEN),
        ("bianco", Code.WHITE), ("BLANC", Code.WHITE), ("белый", Code.WHITE), ("weiß", Code.WHITE), ("code white", Code.WHITE),
        (Code.RED, Code.RED),
    ],
)
def test_parse_accepts_every_language(text, code):
    assert Code.parse(text) is code


@pytest.mark.parametrize("text", ["", "blue", "redd", "code", None, 3])
def test_parse_rejects_other_values(text):
    with pytest.raises(InvalidCode):
        Code.parse(text)  # type: ignore[arg-type]
    assert issubclass(InvalidCode, ValueError)


def test_most_urgent():
    assert Code.most_urgent(Code.GREEN, Code.WHITE, "giallo") is Code.YELLOW
    assert Code.most_urgent([Code.WHITE, Code.RED]) is Code.RED
    assert Code.most_urgent(Code.WHITE) is Code.WHITE
    with pytest.raises(ValueError):
        Code.most_urgent()


def test_labels():
    assert [Code.RED.label(lang) for lang in ("it", "en", "fr", "ru")] == ["Rosso", "Red", "Rouge", "Красный"]
    assert [c.label("it") for c in Code] == ["Rosso", "Giallo", "Verde", "Bianco"]
    assert [c.label("fr") for c in Code] == ["Rouge", "Jaune", "Vert", "Blanc"]
    assert [c.label("ru") for c in Code] == ["Красный", "Жёлтый", "Зелёный", "Белый"]
    assert Code.YELLOW.label("fr-CH") == "Jaune"
    assert Code.WHITE.label("pt") == "White"
    assert Code.GREEN.labels["de"] == "Grün"
