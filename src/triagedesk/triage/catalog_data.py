"""The customer's catalogue of case types, as plain data (seeds 000 and 001).

Every item of the four lists of the master document is here, in the document's order:
12 RED, 15 YELLOW, 9 GREEN, 14 WHITE.  The list an item appears in decides its code,
even where intuition would say otherwise (an expert report for a court is GREEN, a new
mailbox is YELLOW, a WooCommerce update is WHITE).

Prices, all in EUR, are encoded by `price_kind`:

=============== ========================================================================
amount          a fixed price: price_min == price_max ("Restore backup DB (40€)").
range           from price_min to price_max ("10€ – 50€ in base all'estensione").
free            explicitly free of charge: 0 ("Guasto Hardware (FREE)", EPP code).
quote           priced on a quote.  price_min, when set, is the standard price quoted
                beside it ("20€ o su preventivo"); price_max is None.
contract        as per the customer's contract.  price_min, when set, is the price
                for customers whose contract says nothing ("20€ o come da contratto").
instance_plus   the cost of the new instance plus price_min one-off.
included        included in the service (the RED items marked * and items listed
                without a price); price_min and price_max are None.
=============== ========================================================================

`surcharge` marks the asterisked RED items: when the customer caused the problem
(no backup, plugin experiments in production, wrong operations, deleted cache plugins,
misconfigured clients) an intervention fee of SURCHARGE_MIN to SURCHARGE_MAX EUR may be
charged, and the customer is contacted to accept it as a quote first.

This module is data only: a Django model and its admin load it.  Treat the `names` and
`descriptions` dictionaries as read-only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .codes import Code

__all__ = [
    "CATALOG",
    "CATALOG_BY_SLUG",
    "CURRENCY",
    "CaseSpec",
    "PRICE_KINDS",
    "SURCHARGE_MAX",
    "SURCHARGE_MIN",
    "CATALOG_LANGUAGES",
]

SURCHARGE_MIN = Decimal(20)
SURCHARGE_MAX = Decimal(50)
CURRENCY = "EUR"
PRICE_KINDS = frozenset({"amount", "range", "free", "quote", "contract", "instance_plus", "included"})
CATALOG_LANGUAGES = ("it", "en", "fr", "ru")


@dataclass(frozen=True)
class CaseSpec:
    slug: str
    code: Code
    price_kind: str
    price_min: Decimal | None
    price_max: Decimal | None
    currency: str
    surcharge: bool
    # Dictionaries are not hashable: leave them out of the hash, keep them in equality.
    names: dict[str, str] = field(hash=False)
    descriptions: dict[str, str] = field(hash=False)


def _spec(
    slug: str,
    code: Code,
    price: tuple[str, int | None, int | None],
    names: tuple[str, str, str, str],
    descriptions: tuple[str, str, str, str],
    *,
    surcharge: bool = False,
) -> CaseSpec:
    kind, low, high = price
    return CaseSpec(
        slug=slug,
        code=code,
        price_kind=kind,
        price_min=None if low is None else Decimal(low),
        price_max=None if high is None else Decimal(high),
        currency=CURRENCY,
        surcharge=surcharge,
        names=dict(zip(CATALOG_LANGUAGES, names, strict=True)),
        descriptions=dict(zip(CATALOG_LANGUAGES, descriptions, strict=True)),
    )


def _amount(value: int) -> tuple[str, int, int]:
    return ("amount", value, value)


INCLUDED = ("included", None, None)
FREE = ("free", 0, 0)
QUOTE = ("quote", None, None)
CONTRACT = ("contract", None, None)

R, Y, G, W = Code.RED, Code.YELLOW, Code.GREEN, Code.WHITE

CATALOG: tuple[CaseSpec, ...] = (
    # ------------------------------------------------------------------ RED
    _spec(
        "site_down", R, INCLUDED,
        ("Sito web down o non visibile", "Website down or not visible",
         "Site web en panne ou invisible", "Сайт не работает или недоступен"),
        ("Il sito non risponde, non si apre o non è visibile ai visitatori.",
         "The site does not answer, does not open or cannot be seen by visitors.",
         "Le site ne répond pas, ne s'ouvre pas ou n'est pas visible pour les visiteurs.",
         "Сайт не отвечает, не открывается или не виден посетителям."),
        surcharge=True,
    ),
    _spec(
        "slow_site", R, INCLUDED,
        ("Sito con tempi di caricamento oltre 10 secondi", "Site taking more than 10 seconds to load",
         "Site dont le chargement dépasse 10 secondes", "Сайт загружается дольше 10 секунд"),
        ("Tempi di caricamento percepiti dagli utenti superiori a 10 secondi.",
         "Load times perceived by visitors above 10 seconds.",
         "Temps de chargement perçus par les visiteurs supérieurs à 10 secondes.",
         "Время загрузки страниц для посетителей превышает 10 секунд."),
        surcharge=True,
    ),
    _spec(
        "repeated_5xx", R, INCLUDED,
        ("Errori 500 ripetuti (500, 501, 502)", "Repeated 5xx errors (500, 501, 502)",
         "Erreurs 500 répétées (500, 501, 502)", "Повторяющиеся ошибки 5xx (500, 501, 502)"),
        ("Il sito restituisce ripetutamente errori del server di tipo 5xx.",
         "The site repeatedly returns 5xx server errors.",
         "Le site renvoie à plusieurs reprises des erreurs serveur 5xx.",
         "Сайт регулярно отдаёт серверные ошибки 5xx."),
        surcharge=True,
    ),
    _spec(
        "defacement", R, _amount(50),
        ("Sito sottoposto a defacement da attacco hacker", "Site defaced by a hacker attack",
         "Site défiguré par une attaque de pirates", "Дефейс сайта в результате взлома"),
        ("Le pagine del sito sono state alterate o sostituite da un attacco informatico.",
         "The site's pages were altered or replaced in an attack.",
         "Les pages du site ont été modifiées ou remplacées lors d'une attaque.",
         "Страницы сайта изменены или подменены злоумышленниками."),
    ),
    _spec(
        "hardware_failure", R, FREE,
        ("Guasto hardware", "Hardware failure", "Panne matérielle", "Отказ оборудования"),
        ("Guasto di dischi, memoria, alimentazione o altri componenti del server.",
         "Failure of disks, memory, power supply or other server components.",
         "Défaillance de disques, mémoire, alimentation ou autres composants du serveur.",
         "Отказ дисков, памяти, блока питания или других компонентов сервера."),
    ),
    _spec(
        "network_outage", R, FREE,
        ("Interruzioni di rete", "Network outage", "Panne de réseau", "Сбой сети"),
        ("Il server o il servizio non è raggiungibile per un problema di rete o connettività.",
         "The server or service cannot be reached because of a network or connectivity problem.",
         "Le serveur ou le service est injoignable à cause d'un problème de réseau.",
         "Сервер или сервис недоступен из-за проблем с сетью."),
    ),
    _spec(
        "file_loss", R, INCLUDED,
        ("Perdita dati file", "Loss of files", "Perte de fichiers", "Потеря файлов"),
        ("File del sito cancellati, spariti o danneggiati.",
         "Site files deleted, missing or damaged.",
         "Fichiers du site supprimés, disparus ou endommagés.",
         "Файлы сайта удалены, пропали или повреждены."),
        surcharge=True,
    ),
    _spec(
        "db_loss", R, INCLUDED,
        ("Perdita dati database", "Loss of database data", "Perte de données de la base",
         "Потеря данных базы"),
        ("Dati o tabelle del database cancellati, spariti o corrotti.",
         "Database data or tables deleted, missing or corrupted.",
         "Données ou tables de la base supprimées, disparues ou corrompues.",
         "Данные или таблицы базы удалены, пропали или повреждены."),
        surcharge=True,
    ),
    _spec(
        "email_not_working", R, INCLUDED,
        ("Impossibilità di invio o ricezione email", "Email cannot be sent or received",
         "Impossible d'envoyer ou de recevoir des e-mails", "Не отправляется или не приходит почта"),
        ("La posta non parte o non arriva per una o più caselle.",
         "Mail is not sent or not delivered for one or more mailboxes.",
         "Le courrier ne part pas ou n'arrive pas pour une ou plusieurs boîtes.",
         "Письма не уходят или не приходят в один или несколько ящиков."),
        surcharge=True,
    ),
    _spec(
        "cache_stale", R, INCLUDED,
        ("Cache che non aggiorna correttamente i contenuti", "Cache not refreshing content",
         "Cache qui ne rafraîchit pas le contenu", "Кэш не обновляет содержимое"),
        ("Il sistema di cache continua a servire contenuti vecchi dopo le modifiche.",
         "The caching layer keeps serving old content after changes.",
         "Le système de cache continue de servir l'ancien contenu après les modifications.",
         "Система кэширования продолжает отдавать старое содержимое после изменений."),
        surcharge=True,
    ),
    _spec(
        "db_restore", R, _amount(40),
        ("Restore backup database", "Database restore from backup",
         "Restauration de la base depuis une sauvegarde", "Восстановление базы данных из бэкапа"),
        ("Ripristino del database del sito in produzione da un backup.",
         "Restoring the live site's database from a backup.",
         "Restauration de la base de données du site en production depuis une sauvegarde.",
         "Восстановление базы данных рабочего сайта из резервной копии."),
    ),
    _spec(
        "file_restore", R, _amount(40),
        ("Restore backup file", "File restore from backup",
         "Restauration de fichiers depuis une sauvegarde", "Восстановление файлов из бэкапа"),
        ("Ripristino dei file del sito in produzione da un backup.",
         "Restoring the live site's files from a backup.",
         "Restauration des fichiers du site en production depuis une sauvegarde.",
         "Восстановление файлов рабочего сайта из резервной копии."),
    ),
    # ------------------------------------------------------------------ YELLOW
    _spec(
        "nginx_rewrite", Y, ("quote", 20, None),
        ("Messa in produzione di regole di rewrite NGINX", "Deploying NGINX rewrite rules",
         "Mise en production de règles de réécriture NGINX", "Внедрение правил rewrite в NGINX"),
        ("Scrittura e attivazione di regole di rewrite o redirect nella configurazione NGINX "
         "(20 € o su preventivo).",
         "Writing and enabling rewrite or redirect rules in the NGINX configuration "
         "(20 € or on quote).",
         "Écriture et activation de règles de réécriture ou de redirection NGINX "
         "(20 € ou sur devis).",
         "Написание и включение правил rewrite или редиректов в конфигурации NGINX "
         "(20 € или по смете)."),
    ),
    _spec(
        "scale_up_migration", Y, ("instance_plus", 50, None),
        ("Aumento potenza o migrazione su altra istanza per picchi di traffico",
         "More power or move to a bigger instance for traffic peaks",
         "Augmentation de puissance ou migration vers une autre instance pour des pics de trafic",
         "Увеличение мощности или переезд на другой сервер из-за пиков трафика"),
        ("Più risorse o migrazione su un'altra istanza o server: costo dell'istanza più 50 € "
         "per la migrazione.",
         "More resources or a move to another instance or server: the instance's cost plus "
         "50 € for the migration.",
         "Plus de ressources ou migration vers une autre instance ou un autre serveur : coût de "
         "l'instance plus 50 € pour la migration.",
         "Больше ресурсов или переезд на другой сервер: стоимость сервера плюс 50 € за перенос."),
    ),
    _spec(
        "staging_restore", Y, _amount(50),
        ("Ripristino backup su sistemi di staging", "Backup restore on staging",
         "Restauration d'une sauvegarde sur l'environnement de préproduction",
         "Восстановление бэкапа на тестовой копии"),
        ("Ripristino di un backup su un ambiente di staging o di test, non in produzione.",
         "Restoring a backup onto a staging or test environment, not production.",
         "Restauration d'une sauvegarde sur un environnement de préproduction ou de test.",
         "Восстановление резервной копии на тестовом (staging) окружении, не на рабочем сайте."),
    ),
    _spec(
        "staging_clone", Y, _amount(50),
        ("Clonazione da produzione a staging o allineamento (sync)",
         "Cloning production to staging or syncing them",
         "Clonage de la production vers la préproduction ou synchronisation",
         "Клонирование рабочего сайта на тестовую копию или их синхронизация"),
        ("Copia del sistema di produzione su staging, o allineamento dei due ambienti.",
         "Copying the production system to staging, or bringing the two in line.",
         "Copie du système de production vers la préproduction, ou alignement des deux.",
         "Копирование рабочей системы на тестовую или выравнивание двух окружений."),
    ),
    _spec(
        "new_domain", Y, ("range", 10, 50),
        ("Attivazione nuovi domini", "New domain activation", "Activation de nouveaux domaines",
         "Регистрация новых доменов"),
        ("Registrazione o attivazione di un nuovo dominio: 10 € – 50 € in base all'estensione.",
         "Registering or activating a new domain: 10 € – 50 € depending on the extension.",
         "Enregistrement ou activation d'un nouveau domaine : 10 € – 50 € selon l'extension.",
         "Регистрация или подключение нового домена: 10–50 € в зависимости от зоны."),
    ),
    _spec(
        "hosting_activation", Y, CONTRACT,
        ("Attivazione spazi hosting", "Hosting space activation", "Activation d'espaces d'hébergement",
         "Подключение хостинга"),
        ("Attivazione di un nuovo spazio hosting, come da contratto.",
         "Activating a new hosting space, as per contract.",
         "Activation d'un nouvel espace d'hébergement, selon le contrat.",
         "Подключение новой площадки хостинга по договору."),
    ),
    _spec(
        "dedicated_activation", Y, CONTRACT,
        ("Attivazione server dedicati", "Dedicated server activation", "Activation de serveurs dédiés",
         "Подключение выделенного сервера"),
        ("Attivazione di un nuovo server dedicato, come da contratto.",
         "Activating a new dedicated server, as per contract.",
         "Activation d'un nouveau serveur dédié, selon le contrat.",
         "Подключение нового выделенного сервера по договору."),
    ),
    _spec(
        "hosting_migration", Y, ("contract", 20, None),
        ("Migrazione spazi hosting", "Hosting migration", "Migration d'espaces d'hébergement",
         "Перенос хостинга"),
        ("Trasferimento di siti e spazi hosting da un altro provider o server: 20 € o come da "
         "contratto.",
         "Moving sites and hosting spaces from another provider or server: 20 € or as per contract.",
         "Transfert de sites et d'espaces d'hébergement depuis un autre hébergeur ou serveur : "
         "20 € ou selon le contrat.",
         "Перенос сайтов и хостинга от другого провайдера или с другого сервера: 20 € или по "
         "договору."),
    ),
    _spec(
        "new_mailbox", Y, _amount(10),
        ("Attivazione nuove caselle di posta", "New mailbox activation",
         "Activation de nouvelles boîtes mail", "Создание новых почтовых ящиков"),
        ("Creazione di nuove caselle email (il cliente ha il pannello per farlo in autonomia).",
         "Creating new mailboxes (the customer's panel lets them do it on their own).",
         "Création de nouvelles boîtes mail (le client peut le faire lui-même depuis son panneau).",
         "Создание новых почтовых ящиков (клиент может сделать это сам в панели)."),
    ),
    _spec(
        "dns_record", Y, _amount(10),
        ("Puntamento di record DNS", "DNS record change", "Configuration d'enregistrements DNS",
         "Настройка DNS-записей"),
        ("Creazione o modifica di record DNS (A, CNAME, MX, TXT...).",
         "Creating or changing DNS records (A, CNAME, MX, TXT...).",
         "Création ou modification d'enregistrements DNS (A, CNAME, MX, TXT...).",
         "Создание или изменение DNS-записей (A, CNAME, MX, TXT...)."),
    ),
    _spec(
        "nameserver_switch", Y, _amount(10),
        ("Switch nameserver con quelli forniti dal cliente", "Nameserver switch to the customer's",
         "Changement des serveurs de noms pour ceux du client", "Смена NS-серверов на серверы клиента"),
        ("Sostituzione dei nameserver del dominio con quelli indicati dal cliente.",
         "Replacing the domain's nameservers with those the customer gives.",
         "Remplacement des serveurs de noms du domaine par ceux indiqués par le client.",
         "Замена NS-серверов домена на указанные клиентом."),
    ),
    _spec(
        "mysql_password", Y, _amount(10),
        ("Password MySQL persa", "Lost MySQL password", "Mot de passe MySQL perdu",
         "Утерян пароль MySQL"),
        ("Invio o reimpostazione della password del database MySQL perché persa.",
         "Sending or resetting the MySQL database password because it was lost.",
         "Envoi ou réinitialisation du mot de passe de la base MySQL perdu.",
         "Выдача или сброс утерянного пароля базы данных MySQL."),
    ),
    _spec(
        "ftp_password", Y, _amount(10),
        ("Password FTP persa", "Lost FTP password", "Mot de passe FTP perdu", "Утерян пароль FTP"),
        ("Invio o reimpostazione della password FTP perché persa.",
         "Sending or resetting the FTP password because it was lost.",
         "Envoi ou réinitialisation du mot de passe FTP perdu.",
         "Выдача или сброс утерянного пароля FTP."),
    ),
    _spec(
        "email_password", Y, _amount(10),
        ("Password email persa", "Lost email password", "Mot de passe e-mail perdu",
         "Утерян пароль почты"),
        ("Invio o reimpostazione della password di una casella email perché persa.",
         "Sending or resetting a mailbox password because it was lost.",
         "Envoi ou réinitialisation du mot de passe d'une boîte mail perdu.",
         "Выдача или сброс утерянного пароля почтового ящика."),
    ),
    _spec(
        "cms_password", Y, _amount(10),
        ("Recupero password utente WordPress o altri CMS", "Lost WordPress or CMS user password",
         "Récupération du mot de passe WordPress ou d'un autre CMS",
         "Восстановление пароля WordPress или другой CMS"),
        ("Recupero dell'accesso di un utente WordPress o di un altro CMS perché la password è persa.",
         "Recovering a WordPress or other CMS user's access because the password was lost.",
         "Récupération de l'accès d'un utilisateur WordPress ou d'un autre CMS dont le mot de "
         "passe est perdu.",
         "Восстановление доступа пользователя WordPress или другой CMS из-за утерянного пароля."),
    ),
    # ------------------------------------------------------------------ GREEN
    _spec(
        "https_letsencrypt", G, INCLUDED,
        ("Installazione HTTPS con Let's Encrypt e redirect 301",
         "HTTPS with Let's Encrypt and 301 redirect",
         "Installation HTTPS avec Let's Encrypt et redirection 301",
         "Установка HTTPS с Let's Encrypt и редиректом 301"),
        ("Certificato SSL Let's Encrypt e redirect 301 da HTTP a HTTPS.",
         "A Let's Encrypt SSL certificate and a 301 redirect from HTTP to HTTPS.",
         "Certificat SSL Let's Encrypt et redirection 301 de HTTP vers HTTPS.",
         "SSL-сертификат Let's Encrypt и редирект 301 с HTTP на HTTPS."),
    ),
    _spec(
        "subdomain", G, _amount(10),
        ("Attivazione sottodomini di terzo livello", "Third-level subdomain activation",
         "Activation de sous-domaines de troisième niveau", "Создание поддоменов третьего уровня"),
        ("Creazione di un sottodominio di terzo livello (10 € cadauno).",
         "Creating a third-level subdomain (10 € each).",
         "Création d'un sous-domaine de troisième niveau (10 € chacun).",
         "Создание поддомена третьего уровня (10 € за каждый)."),
    ),
    _spec(
        "pagespeed", G, QUOTE,
        ("Ottimizzazione PageSpeed e Core Web Vitals", "PageSpeed and Core Web Vitals optimisation",
         "Optimisation PageSpeed et Core Web Vitals", "Оптимизация PageSpeed и Core Web Vitals"),
        ("Miglioramento dei punteggi PageSpeed Insights e dei Core Web Vitals (a preventivo).",
         "Improving PageSpeed Insights scores and Core Web Vitals (on quote).",
         "Amélioration des scores PageSpeed Insights et des Core Web Vitals (sur devis).",
         "Улучшение оценок PageSpeed Insights и Core Web Vitals (по смете)."),
    ),
    _spec(
        "performance_tuning", G, QUOTE,
        ("Ottimizzazione performance", "Performance tuning", "Optimisation des performances",
         "Оптимизация производительности"),
        ("Ottimizzazione delle prestazioni del sistema e del server che ospita il sito "
         "(a preventivo).",
         "Tuning the performance of the system and server hosting the site (on quote).",
         "Optimisation des performances du système et du serveur qui héberge le site (sur devis).",
         "Оптимизация производительности системы и сервера, на котором работает сайт (по смете)."),
    ),
    _spec(
        "instance_downgrade", G, ("instance_plus", 50, None),
        ("Downgrade istanza server", "Server instance downgrade", "Rétrogradation de l'instance serveur",
         "Понижение тарифа сервера"),
        ("Passaggio a un'istanza più piccola: costo dell'istanza più 50 € una tantum.",
         "Moving to a smaller instance: the instance's cost plus 50 € one-off.",
         "Passage à une instance plus petite : coût de l'instance plus 50 € une fois.",
         "Переход на меньший сервер: стоимость сервера плюс 50 € единоразово."),
    ),
    _spec(
        "permalink_301", G, _amount(50),
        ("Assistenza nel cambio permalink e rewrite 301", "Permalink change with 301 redirects",
         "Assistance au changement de permaliens et redirections 301",
         "Смена структуры ссылок с редиректами 301"),
        ("Cambio della struttura dei permalink con redirect 301 dei vecchi URL (50 € una tantum).",
         "Changing the permalink structure with 301 redirects of the old URLs (50 € one-off).",
         "Changement de la structure des permaliens avec redirections 301 des anciennes URL "
         "(50 € une fois).",
         "Изменение структуры ЧПУ с редиректами 301 со старых адресов (50 € единоразово)."),
    ),
    _spec(
        "external_backup", G, _amount(100),
        ("Backup su sistemi esterni di proprietà del cliente",
         "Backups to the customer's own external systems",
         "Sauvegarde vers des systèmes externes du client",
         "Резервное копирование на внешние системы клиента"),
        ("Implementazione di backup verso server, NAS o storage del cliente (100 € una tantum).",
         "Setting up backups to the customer's own server, NAS or storage (100 € one-off).",
         "Mise en place de sauvegardes vers le serveur, NAS ou stockage du client (100 € une fois).",
         "Настройка резервного копирования на сервер, NAS или хранилище клиента "
         "(100 € единоразово)."),
    ),
    _spec(
        "epp_code", G, FREE,
        ("Fornitura auth code EPP", "EPP auth code", "Fourniture du code d'autorisation EPP",
         "Предоставление EPP-кода (auth code)"),
        ("Invio del codice EPP (auth code) per trasferire un dominio (gratuito).",
         "Sending the EPP (auth) code to transfer a domain (free).",
         "Envoi du code EPP (code d'autorisation) pour transférer un domaine (gratuit).",
         "Выдача EPP-кода (auth code) для переноса домена (бесплатно)."),
    ),
    _spec(
        "expert_report", G, _amount(300),
        ("Relazione in perizia per l'autorità giudiziaria", "Expert report for a judicial authority",
         "Rapport d'expertise pour l'autorité judiciaire", "Экспертный отчёт по запросу суда"),
        ("Relazione in perizia semplice a fronte di richiesta dell'autorità giudiziaria per "
         "ipotesi di reato (300 € una tantum).",
         "A simple expert report following a request from a judicial authority about a "
         "suspected offence (300 € one-off).",
         "Rapport d'expertise simple suite à une demande de l'autorité judiciaire pour une "
         "infraction présumée (300 € une fois).",
         "Простой экспертный отчёт по запросу судебных или следственных органов о возможном "
         "правонарушении (300 € единоразово)."),
    ),
    # ------------------------------------------------------------------ WHITE
    _spec(
        "cms_migration", W, QUOTE,
        ("Migrazione da CMS ad altro CMS", "Migration from one CMS to another",
         "Migration d'un CMS vers un autre", "Переход с одной CMS на другую"),
        ("Passaggio di un sito da un CMS a un altro (es. Joomla a WordPress).",
         "Moving a site from one CMS to another (e.g. Joomla to WordPress).",
         "Passage d'un site d'un CMS à un autre (par ex. Joomla vers WordPress).",
         "Перенос сайта с одной CMS на другую (например, с Joomla на WordPress)."),
    ),
    _spec(
        "theme_development", W, QUOTE,
        ("Realizzazione nuovi temi o template", "New theme or template development",
         "Création de nouveaux thèmes ou modèles", "Разработка новых тем или шаблонов"),
        ("Sviluppo di un nuovo tema, template o restyling grafico del sito.",
         "Developing a new theme, template or redesign of the site.",
         "Développement d'un nouveau thème, modèle ou refonte du site.",
         "Разработка новой темы, шаблона или редизайна сайта."),
    ),
    _spec(
        "plugin_development", W, QUOTE,
        ("Realizzazione plugin", "Plugin development", "Création de plugins", "Разработка плагинов"),
        ("Sviluppo di plugin, moduli o funzionalità personalizzate.",
         "Developing plugins, modules or custom features.",
         "Développement de plugins, modules ou fonctionnalités sur mesure.",
         "Разработка плагинов, модулей или собственного функционала."),
    ),
    _spec(
        "ads_campaign", W, QUOTE,
        ("Campagne ADS", "Advertising campaigns", "Campagnes publicitaires", "Рекламные кампании"),
        ("Gestione di campagne pubblicitarie (Google Ads, Meta Ads...).",
         "Running advertising campaigns (Google Ads, Meta Ads...).",
         "Gestion de campagnes publicitaires (Google Ads, Meta Ads...).",
         "Ведение рекламных кампаний (Google Ads, Яндекс Директ...)."),
    ),
    _spec(
        "link_building", W, QUOTE,
        ("Campagne e strategia di link building", "Link building campaigns and strategy",
         "Campagnes et stratégie de netlinking", "Линкбилдинг: кампании и стратегия"),
        ("Acquisizione di backlink e strategia di link building.",
         "Acquiring backlinks and planning a link building strategy.",
         "Acquisition de backlinks et stratégie de netlinking.",
         "Получение обратных ссылок и стратегия ссылочного продвижения."),
    ),
    _spec(
        "woocommerce_update", W, QUOTE,
        ("Aggiornamento WooCommerce", "WooCommerce update", "Mise à jour de WooCommerce",
         "Обновление WooCommerce"),
        ("Aggiornamento del plugin WooCommerce e delle sue estensioni.",
         "Updating the WooCommerce plugin and its extensions.",
         "Mise à jour du plugin WooCommerce et de ses extensions.",
         "Обновление плагина WooCommerce и его расширений."),
    ),
    _spec(
        "risky_plugin_update", W, QUOTE,
        ("Aggiornamento di plugin potenzialmente problematici", "Updating potentially risky plugins",
         "Mise à jour de plugins potentiellement problématiques",
         "Обновление потенциально проблемных плагинов"),
        ("Aggiornamento di plugin, temi o core che possono rompere il sito.",
         "Updating plugins, themes or core that may break the site.",
         "Mise à jour de plugins, thèmes ou du cœur susceptibles de casser le site.",
         "Обновление плагинов, тем или ядра, которое может сломать сайт."),
    ),
    _spec(
        "performance_consulting", W, QUOTE,
        ("Ottimizzazione performance (consulenza)", "Performance optimisation (consulting)",
         "Optimisation des performances (conseil)", "Оптимизация производительности (консалтинг)"),
        ("Ottimizzazione delle prestazioni del codice, del tema o dell'applicazione, al di fuori "
         "dell'hosting.",
         "Optimising the performance of the code, theme or application, outside hosting.",
         "Optimisation des performances du code, du thème ou de l'application, hors hébergement.",
         "Оптимизация кода, темы или приложения вне рамок хостинга."),
    ),
    _spec(
        "seo_audit", W, QUOTE,
        ("SEO audit", "SEO audit", "Audit SEO", "SEO-аудит"),
        ("Analisi SEO del sito e del posizionamento sui motori di ricerca.",
         "An SEO review of the site and its search engine rankings.",
         "Analyse SEO du site et de son positionnement dans les moteurs de recherche.",
         "Анализ SEO сайта и его позиций в поисковых системах."),
    ),
    _spec(
        "copywriting", W, QUOTE,
        ("Copywriting", "Copywriting", "Rédaction", "Копирайтинг"),
        ("Scrittura di testi, articoli e descrizioni.",
         "Writing copy, articles and descriptions.",
         "Rédaction de textes, d'articles et de descriptions.",
         "Написание текстов, статей и описаний."),
    ),
    _spec(
        "social_media", W, QUOTE,
        ("Social media marketing", "Social media marketing", "Marketing sur les réseaux sociaux",
         "SMM (продвижение в социальных сетях)"),
        ("Gestione e promozione sui social network.",
         "Managing and promoting on social networks.",
         "Gestion et promotion sur les réseaux sociaux.",
         "Ведение и продвижение в социальных сетях."),
    ),
    _spec(
        "photography", W, QUOTE,
        ("Fotografia", "Photography", "Photographie", "Фотосъёмка"),
        ("Servizi fotografici per prodotti o per il sito.",
         "Photo shoots for products or for the site.",
         "Prises de vue pour des produits ou pour le site.",
         "Фотосъёмка товаров или для сайта."),
    ),
    _spec(
        "graphics", W, QUOTE,
        ("Grafica", "Graphic design", "Graphisme", "Графический дизайн"),
        ("Loghi, banner, immagini e altri elaborati grafici.",
         "Logos, banners, images and other graphic work.",
         "Logos, bannières, visuels et autres travaux graphiques.",
         "Логотипы, баннеры, изображения и другие графические работы."),
    ),
    _spec(
        "prospect_evaluation", W, QUOTE,
        ("Valutazione di siti e strategie di non ancora clienti",
         "Evaluation of sites and strategies for prospects",
         "Évaluation de sites et de stratégies de futurs clients",
         "Оценка сайтов и стратегий для потенциальных клиентов"),
        ("Valutazione di siti, portali e strategie di utenti non ancora clienti.",
         "Evaluating sites, portals and strategies of people who are not customers yet.",
         "Évaluation de sites, portails et stratégies de personnes qui ne sont pas encore clientes.",
         "Оценка сайтов, порталов и стратегий людей, которые ещё не стали клиентами."),
    ),
)

CATALOG_BY_SLUG: dict[str, CaseSpec] = {spec.slug: spec for spec in CATALOG}
