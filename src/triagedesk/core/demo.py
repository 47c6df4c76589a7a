"""Demo data: the whole catalogue, three plans, a dozen customers, agents in
L1-L3 and a few hundred tickets spread over codes, states and ages.

Idempotent: seeding twice leaves one copy. Everything goes through services.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from django.db import transaction

from triagedesk.accounts import services as accounts
from triagedesk.accounts.models import Account, Agent
from triagedesk.core.audit import Actor
from triagedesk.notify.services import outbound_settle_backlog
from triagedesk.tickets import services as tickets
from triagedesk.triage.services import catalog_sync

DEMO_PASSWORD = "demo-password"

OFFICE_HOURS = [[["09:30", "19:30"]]] * 5 + [[], []]

PLANS = [
    ("Economy", "economy", Decimal(3), False, [
        dict(code="red", take_in_charge_minutes=60),
        dict(code="yellow", take_in_charge_minutes=24 * 60, business_hours=True),
        dict(code="green", take_in_charge_minutes=4 * 24 * 60, not_before_minutes=48 * 60),
        dict(code="white", take_in_charge_minutes=7 * 24 * 60, not_before_minutes=48 * 60),
    ]),
    ("Standard", "standard", Decimal(8), False, [
        dict(code="red", take_in_charge_minutes=15),
        dict(code="yellow", take_in_charge_minutes=24 * 60),
        dict(code="green", take_in_charge_minutes=4 * 24 * 60, not_before_minutes=48 * 60),
        dict(code="white", take_in_charge_minutes=7 * 24 * 60, not_before_minutes=48 * 60),
    ]),
    ("Premium", "premium", Decimal(20), True, [
        dict(code="red", take_in_charge_minutes=10),
        dict(code="yellow", take_in_charge_minutes=8 * 60),
        dict(code="green", take_in_charge_minutes=3 * 24 * 60, not_before_minutes=24 * 60),
        dict(code="white", take_in_charge_minutes=5 * 24 * 60, not_before_minutes=48 * 60),
    ]),
]

AGENTS = [
    # username, name, tier, teams, language, superuser/supervisor, leads
    ("admin", "Ada Admin", 3, ["support", "systems"], "en", True, []),
    ("giulia", "Giulia Bianchi", 1, ["support"], "it", False, ["support"]),
    ("marco", "Marco Esposito", 1, ["support"], "it", False, []),
    ("claire", "Claire Martin", 1, ["support"], "fr", False, []),
    ("sofia", "Sofia Ricci", 2, ["systems"], "it", False, ["systems"]),
    ("ivan", "Ivan Petrov", 3, ["systems"], "ru", False, []),
]

ACCOUNTS = [
    # code, name, plan, language, team, domains, contacts (name, email, phone)
    ("C1001", "Rossi Shop S.r.l.", "premium", "it", "support", ["rossi-shop.it"],
     [("Anna Rossi", "anna@rossi-shop.it", "+39 02 5550 1001"), ("Luca Rossi", "luca@rossi-shop.it", "")]),
    ("C1002", "Boulangerie Dupont", "standard", "fr", "support", ["boulangerie-dupont.fr"],
     [("Marie Dupont", "marie@boulangerie-dupont.fr", "+33 1 5550 1002")]),
    ("C1003", "ООО Ромашка", "standard", "ru", "systems", ["romashka.ru"],
     [("Ольга Смирнова", "olga@romashka.ru", "+7 495 555 1003")]),
    ("C1004", "Verdi Viaggi", "economy", "it", "support", ["verdiviaggi.it"],
     [("Paolo Verdi", "paolo@verdiviaggi.it", "+39 06 5550 1004")]),
    ("C1005", "Northwind Hosting Ltd", "premium", "en", "systems", ["northwind.example"],
     [("Sam Carter", "sam@northwind.example", "+44 20 5550 1005"), ("Priya Shah", "priya@northwind.example", "")]),
    ("C1006", "Ferretti Moto", "standard", "it", "support", ["ferrettimoto.it"],
     [("Giorgio Ferretti", "giorgio@ferrettimoto.it", "+39 051 555 1006")]),
    ("C1007", "Atelier Lumière", "economy", "fr", "support", ["atelier-lumiere.fr"],
     [("Julien Moreau", "julien@atelier-lumiere.fr", "")]),
    ("C1008", "Studio Legale Conti", "premium", "it", "systems", ["studioconti.it"],
     [("Elena Conti", "elena@studioconti.it", "+39 011 555 1008")]),
    ("C1009", "Sibir Trade", "economy", "ru", "systems", ["sibirtrade.ru"],
     [("Дмитрий Волков", "dmitry@sibirtrade.ru", "+7 383 555 1009")]),
    ("C1010", "Greenleaf Organics", "standard", "en", "support", ["greenleaf.example"],
     [("Tom Baker", "tom@greenleaf.example", "")]),
    ("C1011", "Pasticceria Dolce Vita", "economy", "it", "support", ["dolcevita-pasticceria.it"],
     [("Chiara Gallo", "chiara@dolcevita-pasticceria.it", "+39 081 555 1011")]),
    ("C1012", "Maison Garnier Immobilier", "standard", "fr", "systems", ["garnier-immo.fr"],
     [("Luc Garnier", "luc@garnier-immo.fr", "+33 4 5550 1012")]),
]

REQUESTS = {
    "it": [
        ("Sito down!!!", "Buongiorno, il sito non si apre da stamattina, da errore 502 Bad Gateway. Stiamo perdendo ordini."),
        ("Email non funziona", "Non riusciamo più a ricevere email da ieri sera, i clienti ci dicono che i messaggi tornano indietro."),
        ("Nuova casella di posta", "Potete creare la casella ordini@ per il nostro dominio? Grazie."),
        ("Password FTP persa", "Ho perso la password FTP, me la potete reimpostare?"),
        ("Certificato HTTPS", "Il sito funziona bene, vorremmo solo attivare HTTPS con Let's Encrypt e il redirect 301."),
        ("Aggiornamento WooCommerce", "Vorremmo aggiornare WooCommerce all'ultima versione, potete farlo voi?"),
        ("Restore database", "Abbiamo cancellato per errore delle tabelle dal database del sito in produzione, serve un restore urgente."),
        ("Puntamento DNS", "Dovremmo puntare il record A di shop. verso il nuovo IP che vi giro in allegato."),
        ("Sottodominio", "Ci servirebbe un sottodominio test. per fare delle prove, niente di urgente."),
        ("Campagna SEO", "Ci fate un audit SEO del sito? Vorremmo migliorare il posizionamento."),
    ],
    "fr": [
        ("Site inaccessible", "Bonjour, notre boutique ne s'affiche plus depuis ce matin, erreur 500 sur toutes les pages."),
        ("Mot de passe e-mail perdu", "J'ai perdu le mot de passe de ma boîte mail, pouvez-vous le réinitialiser ?"),
        ("Code EPP", "Pouvez-vous nous fournir le code d'autorisation EPP pour le transfert du domaine ?"),
        ("Création d'un thème", "Nous aimerions un nouveau thème pour notre site, est-ce possible ?"),
        ("Site très lent", "Le site met plus de 15 secondes à charger, nos clients partent."),
        ("Clonage en préproduction", "Pourriez-vous cloner la production sur l'environnement de staging ?"),
    ],
    "ru": [
        ("Сайт не работает", "Здравствуйте! Сайт не открывается, выдаёт 504 Gateway Timeout. Срочно!"),
        ("Не работает почта", "Не можем отправить письма, ошибка SMTP авторизации."),
        ("Перенос хостинга", "Нужно перенести сайт на другой тариф хостинга, подскажите сроки."),
        ("Оптимизация скорости", "Хотим улучшить показатели PageSpeed и Core Web Vitals, сайт работает нормально."),
        ("Фотографии для каталога", "Можете сделать фотографии товаров для каталога?"),
    ],
    "en": [
        ("Website hacked", "Our homepage has been defaced, there is a hacker message instead of our content!"),
        ("DNS change", "Please point the MX records to our new mail provider."),
        ("Downgrade server", "Traffic went down after the season, we would like to downgrade the instance."),
        ("Link building", "Can you help us with a link building strategy?"),
        ("Lost WordPress password", "I lost the admin password of our WordPress, can you reset it?"),
        ("Backups to our NAS", "We would like a copy of the nightly backups on our own NAS."),
    ],
}


def _already_seeded() -> bool:
    return Account.objects.filter(code="C1001").exists()


def seed_demo(*, tickets_count: int = 300, now: datetime | None = None, seed: int = 7) -> bool:
    """Load the demo data once; returns False when it was already there."""
    if _already_seeded():
        return False
    rnd = random.Random(seed)
    now = now or datetime.now(timezone.utc)
    catalog_sync()
    with transaction.atomic():
        office = accounts.calendar_create(name="Italian office hours", time_zone="Europe/Rome",
                                          weekly_hours=OFFICE_HOURS, holiday_country="IT")
        plans = {slug: accounts.plan_create(name=name, slug=slug, calendar=office, monthly_included_hours=hours,
                                            personal_manager=pm, targets=targets)
                 for name, slug, hours, pm, targets in PLANS}
        teams = {"support": accounts.team_create(name="Support", slug="support"),
                 "systems": accounts.team_create(name="Systems", slug="systems")}
        agents = {}
        for username, name, tier, team_slugs, lang, su, leads in AGENTS:
            agents[username] = accounts.agent_create(
                username=username, email=f"{username}@triagedesk.example", name=name, password=DEMO_PASSWORD,
                tier=tier, teams=[teams[t] for t in team_slugs], language=lang, superuser=su, sees_all_teams=su,
                lead_of=[teams[t] for t in leads])
        managers = [agents["giulia"], agents["sofia"]]
        for i, (code, name, plan, lang, team, domains, contacts) in enumerate(ACCOUNTS):
            account = accounts.account_create(
                code=code, name=name, plan=plans[plan], language=lang, team=teams[team], domains=domains,
                account_manager=managers[i % 2] if plans[plan].personal_manager else None)
            for cname, email, phone in contacts:
                accounts.contact_create(account=account, name=cname, email=email, phone=phone,
                                        password=DEMO_PASSWORD)
    _seed_tickets(rnd, now, tickets_count, agents)
    # The seeded history already happened: its mails are not sent again today.
    outbound_settle_backlog(before=now)
    return True


def _seed_tickets(rnd: random.Random, now: datetime, count: int, agents: dict[str, Agent]) -> None:
    from triagedesk.accounts.models import Contact

    contacts = list(Contact.objects.select_related("account"))
    workers = [a for a in agents.values()]
    taken = 0
    for i in range(count):
        contact = rnd.choice(contacts)
        lang = contact.effective_language if contact.effective_language in REQUESTS else "en"
        subject, body = rnd.choice(REQUESTS[lang])
        # Most tickets are old and finished; a tail of recent ones is still open.
        age = timedelta(minutes=rnd.choice([rnd.randint(1, 600), rnd.randint(600, 60 * 24 * 45)]))
        opened = now - age
        at = lambda minutes=0, _o=opened: _o + timedelta(minutes=minutes)  # noqa: E731
        customer = Actor("contact", contact.user_id, contact.name)
        ticket = tickets.ticket_open(subject=subject, body=body, channel=rnd.choice(["email", "portal", "phone"]),
                                     requester=contact, actor=customer, acknowledge=False, clock=at)
        agent = rnd.choice(workers)
        actor = Actor("agent", agent.user_id, agent.display_name)
        roll = rnd.random()
        minutes_old = age.total_seconds() / 60
        if roll < 0.25 or minutes_old < 30 or ticket.state == "scheduled":
            continue  # still waiting to be taken in charge
        take_after = min(minutes_old / 2, rnd.choice([5, 12, 40, 300, 2000]))
        tickets.ticket_take(ticket=ticket, agent=agent, actor=actor, clock=lambda: at(take_after))
        taken += 1
        if taken % 12 == 5:  # now and then the agent disagrees with the proposed code: the triage report shows it
            order = ["red", "yellow", "green", "white"]
            here = order.index(ticket.code)
            code = order[here + 1] if here == 0 or (here < 3 and rnd.random() < 0.5) else order[here - 1]
            reason = {"red": "the customer's shop is not taking orders", "yellow": "works, but at risk",
                      "green": "a change on a working service", "white": "outside our hosting services"}[code]
            tickets.ticket_retriage(ticket=ticket, code=code, reason=reason, actor=actor,
                                    clock=lambda: at(take_after + 0.5))
        tickets.ticket_reply(ticket=ticket, agent=agent, actor=actor, clock=lambda: at(take_after + 1),
                             body={"it": "Ciao, ce ne stiamo occupando.", "fr": "Bonjour, nous nous en occupons.",
                                   "ru": "Здравствуйте, уже занимаемся."}.get(lang, "Hello, we are on it."))
        if roll < 0.35:
            continue
        if roll < 0.42:
            tickets.ticket_wait_customer(ticket=ticket, actor=actor, clock=lambda: at(take_after + 2))
            continue
        if roll < 0.47 and ticket.tier < 3:
            tickets.ticket_escalate(ticket=ticket, reason="needs root access on the server", actor=actor,
                                    clock=lambda: at(take_after + 3))
            continue
        if minutes_old > take_after + 60:
            tickets.ticket_resolve(ticket=ticket, resolution_type=rnd.choice(["answer", "service", "workaround",
                                                                             "hotfix", "guideline"]),
                                   actor=actor, clock=lambda: at(take_after + 50))
            if roll > 0.8 and minutes_old > take_after + 60 * 24 * 3:
                tickets.ticket_close(ticket=ticket, actor=actor, clock=lambda: at(take_after + 60 * 24 * 3))
