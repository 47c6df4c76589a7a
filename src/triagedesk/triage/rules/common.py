"""Terms and patterns shared by every language.

INTERNATIONAL holds the technical words customers use whatever language they write in
("down", "backup", "DNS", "WordPress"); each language's concepts get them too.

SHARED_CASES are templates written only with concepts, so one line covers six languages:
"{site} ~3 {down}" is expanded with the Italian, English, French, Russian, German and
Spanish terms for "site" and "down".  Word order differs across languages, hence most
templates come in both orders.

Weights: about 3 for a phrase that on its own says what the case is, 2 for a good
sign, 1 or less for a hint that only helps another match.
"""

from __future__ import annotations

INTERNATIONAL: dict[str, list[str]] = {
    "site": [
        "website*", "web site", "webshop", "e-?commerce", "e-?shop", "shop", "store", "homepage",
        "home page", "landing page", "landing", "portal", "blog", "wordpress", "woocommerce",
        "prestashop", "magento", "joomla", "drupal", "wp", "www", "front-?end", "checkout",
    ],
    "server": [
        "server", "vps", "host", "hosting", "cloud", "instance", "cluster", "nodo", "node",
        "macchina", "vm", "plesk", "cpanel", "nginx", "apache", "php-?fpm", "php", "litespeed",
    ],
    "down": [
        "down", "offline", "off-?line", "ko", "k\\.o", "unreachable", "kaputt", "crash*",
    ],
    "broken": ["not working", "broken", "fails", "failing"],
    "slow": ["slow*", "lag*", "timeouts?", "time-?outs?"],
    "email": [
        "e-?mails?", "mails?", "webmail", "smtp", "imap", "pop3?", "outlook", "thunderbird",
        "roundcube", "posta", "mailbox*", "inbox", "pec", "gmail", "exchange", "mx",
    ],
    "db": [
        "database*", "db", "dbs", "mysql", "mariadb", "phpmyadmin", "postgres*", "sql", "dump",
    ],
    "files": [
        "files?", "wp-content", "uploads?", "media", "public_html", "htdocs", "httpdocs", "ftp",
        "pdf", "img", "jpe?g", "png",
    ],
    "backup": ["backups?", "back-?up", "snapshot*", "dump"],
    "restore": ["restore*", "rollback", "roll back"],
    "staging": [
        "staging", "stage", "pre-?prod*", "(?<!/)dev(?!/)", "sandbox", "test", "testing", "collaudo",
        "demo",
    ],
    "production": ["production", "prod", "live"],
    "domain": [
        "domains?", "dominio", "domini", "domaine", "домен*",
    ],
    # Domain names as written ("example.co.uk"): never at the start of a pattern, since
    # they can start with any letter and would be tried at every word.
    "domain_name": [r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:it|com|net|org|eu|fr|de|es|ru|ch|info|shop|store|io|uk|be|at|app|online|biz)"],
    "password": ["password*", "pwd", "pw", "pass", "passwd", "credential*", "login"],
    "cms": [
        "wordpress", "wp", "wp-admin", "wp-login", "joomla", "drupal", "prestashop", "magento",
        "typo3", "opencart", "bitrix", "1c-битрикс", "битрикс", "admin", "backend", "back-?office",
        "dashboard", "cms",
    ],
    "ftp": ["s?ftps?", "ssh", "filezilla", "cyberduck", "winscp"],
    "mysql": ["mysql", "mariadb", "phpmyadmin", "database", "db", "sql"],
    "dns": ["dns", "a record", "mx", "cname", "txt", "spf", "dkim", "dmarc", "aaaa", "srv", "caa"],
    "hack": [
        "hack*", "defac*", "malware", "virus*", "trojan*", "backdoor*", "webshell*", "phishing",
        "ransomware", "spam seo", "seo spam", "pharma hack", "japanese (?:keyword )?hack",
        "injection", "injected", "cryptominer", "miner",
    ],
    "ssl": [
        "ssl", "https", "tls", "let'?s ?encrypt", "letsencrypt", "certbot", "certificat*", "cert",
        "lucchetto", "padlock",
    ],
}


# Templates expanded in every language.  {neg} is the language's negation words.
SHARED_CASES: dict[str, list[tuple[str, float]]] = {
    "site_down": [
        # browsers refuse the site: an expired or invalid certificate (past tense: done)
        # the CMS's own "we are down" pages
        ("(?:page|pagina|site|sito|страниц*|seite|p[aá]gina) (?:full of|piena di|pleine de|полн\\w*|voller|llena de) "
         "(?:code|codice|codes?|кода|c[oó]digo|simboli|symbols|symboles)", 2.6),
        ("(?:mensaje|messaggio|scritta|message|сообщени*|meldung|text) (?:raro|strano|strana|bizarre|[eé]trange|странн\\w*|"
         "komisch\\w*|seltsam\\w*|weird|strange) ~4 (?:en ingl[eé]s|in inglese|in english|en anglais|на английском|auf englisch)", 2.2),
        ("(?:sito|site|website|сайт|seite|web) ~8 (?:chiede|asks? for|demande|просит|fragt nach|pide) ~4 (?:nome utente|username|"
         "user ?name|password|mot de passe|identifiant|логин|пароль|benutzername|passwort|usuario|contrase[ñn]a)", 2.0),
        # a server's default page, or the host's parking page, instead of the site
        ("(?:welcome to nginx|apache2? (?:debian |ubuntu |centos )?default page|it works! ~6 (?:apache|default|var/www)|"
         "index of /|sitio en construcci[oó]n|este dominio est[aá] alojado|site en construction|sito in costruzione|"
         "default web ?page|web server is successfully installed(?: and working)?|сайт в разработке|домен (?:успешно )?припаркован)", 2.8),
        # the database connection error of WordPress in its translations
        ("(?:fehler beim aufbau einer datenbankverbindung|errore nello stabilire una connessione al database|"
         "erreur lors de la connexion [aà] la base de donn[eé]es|error al establecer una conexi[oó]n con la base de datos|"
         "ошибка установки соединения с базой данных)", 3.5),
        ("(?:could not|couldn'?t|can'?t|cannot|unable to|impossibile|impossible de|не удалось|konnte nicht|no se pudo) ~1 "
         "(?:connect|connettersi|collegarsi|se connecter|подключиться|verbinden|conectar*) (?:to |a |al |à |к |mit |con )?(?:the |il |la )?"
         "(?:mysql|database|db|mariadb|base de donn[eé]es|базе данных|datenbank|base de datos|server mysql)", 3.0),
        ("(?:sqlstate ?\\[hy000\\]|too many connections|mysql server has gone away|table ~3 is marked as crashed)", 2.8),
        ("(?:versione di php non supportata|php version (?:is )?not supported|unsupported php version|versi[oó]n de php no soportada|"
         "version de php non support[eé]e|версия php не поддерживается|php-version wird nicht unterst[uü]tzt)", 2.4),
        # visitors sent elsewhere (from Google, on mobile): an SEO-spam hack
        ("(?:sent to|taken to|redirected to|si finisce su|finisce su|finiscono su|renvoy[eé]s? (?:vers|sur)|on arrive sur|"
         "попадает на|попадают на|landet auf|landen auf|acaba en|te lleva a|me lleva a) ~8 (?:casino*|porn*|viagra|pharma*|"
         "farmac*|pharmacie|аптек*|apotheke|farmacia|you won|hai vinto|vous avez gagn[eé]|выиграли|gewonnen|has ganado|crypto*|"
         "scam|truffa|arnaque|мошен*|betrug|estafa|iphone)", 2.8),
        ("(?:every|all|tutte le|toutes les|все|alle|todas las) (?:\\w+ )?(?:pages?|pagine|страниц*|seiten|p[aá]ginas) ~8 "
         "(?:404|not found|non trovat[ae]|introuvables?|не найден*|nicht gefunden|no encontrad[ao]s?)", 2.6),
        ("(?:the site is experiencing technical difficulties|il sito sta riscontrando difficolt[aà] tecniche|"
         "le site (?:rencontre|conna[iî]t) des difficult[eé]s techniques|на сайте возникли технические (?:проблемы|неполадки)|"
         "technische schwierigkeiten|el sitio (?:est[aá] experimentando|tiene) dificultades t[eé]cnicas)", 3.0),
        ("(?:403 forbidden|you don'?t have permission to access|err_too_many_redirects|too many redirects|"
         "trop de redirections|troppi reindirizzamenti|слишком много переадресаций|zu viele weiterleitungen|demasiadas redirecciones)", 2.6),
        ("net::?err_cert_\\w+", 3.0),
        ("(?:your connection is not private|la connessione non (?:e|è) privata|votre connexion n'?est pas priv[eé]e|"
         "ihre verbindung ist nicht privat|la conexi[oó]n no es privada|подключение не защищено|"
         "warning: potential security risk|avvertimento: potenziale rischio|attention : risque probable|"
         "m[oö]gliches sicherheitsrisiko)", 2.6),
        ("{ssl} ~4 (?:expired|has expired|(?:e|è) scadut[oa]|a expir[eé]|est expir[eé]|истек|истёк|просрочен|"
         "abgelaufen|ist abgelaufen|ha caducado|caduc[oó]|ha expirado|expir[oó])", 2.6),
        ("(?:scadut[oa]|expired|истек|истёк|abgelaufen*|caducad[oa]) ~2 (?:il |the |le |das |el )?{ssl}", 2.4),
        # a DNS that answers nobody (or some ISPs): the site is gone for them
        ("(?:servfail|nxdomain|server can'?t find|non-existent domain|no se ha encontrado la direcci[oó]n dns|"
         "dns address could not be found|adresse dns (?:est )?introuvable|не удается найти dns|"
         "dns-?adresse ~3 nicht gefunden|indirizzo dns ~3 non (?:trovato|(?:e|è) stato trovato))", 2.8),
        # Cloudflare's own error pages: the origin is down (52x) or every visitor is refused (1020)
        ("(?:cloudflare ~4 )?error (?:code )?(?:52[0-7]|530|1020|1016|1001)", 2.8),
        # monitoring alerts pasted or forwarded as text
        ("(?:probe ?(?:failure|failed)|probe_success ?=?= ?0|monitor is down|is currently down|"
         "\\[firing(?::\\d+)?\\] ~4 (?:down|unreachable|probe|http|site|instance))", 2.6),
        ("severity ?[=:] ?(?:critical|disaster|high|emergency)", 2.0),
        # a site taking 10 s and more to open, said with a number only (the scan decides the threshold)
        ("\\d\\d+ ?(?:- ?\\d+ ?)?(?:s|sec|secs|seconds|secondi|secondes|sekunden|segundos|секунд*) ~4 "
         "(?:per |a |ad |to |pour |à |zum |para |на |)(?:load|open|caricare|aprire|charger|ouvrir|s'?afficher|laden|"
         "öffnen|offnen|cargar|abrir|загрузк*|загружа*|открыва*|грузит*)", 1.0),
        # a domain that has already expired takes the site (and the mail) with it
        ("{domain} ~4 (?:expired|est expire|a expire|expire depuis|scadut[oa]|истек|истёк|просрочен|"
         "abgelaufen|caducad[oa]|vencid[oa])", 2.6),
        ("(?:expired|scadut[oa]|expire|abgelaufen*|caducad[oa]|vencid[oa]|истекш*) ~2 {domain}", 2.4),
        ("{site} ~3 {down}", 3.0),
        ("{down} ~2 {site}", 2.5),
        ("{site} ~3 {broken}", 2.5),
        ("{site} ~3 {stuck}", 2.4),
        ("{server} ~3 {stuck}", 2.2),
        ("{broken} ~2 {site}", 2.2),
        ("{server} ~3 {down}", 2.5),
        ("{down} ~2 {server}", 2.2),
        ("{down}", 1.6),
        ("{unreachable}", 2.2),
        ("{blank_page}", 2.5),
        ("error establishing a database connection", 3.5),
        ("(?:err_connection_(?:refused|timed_out|reset|closed)|err_name_not_resolved|"
         "dns_probe_finished_nxdomain|err_too_many_redirects|err_empty_response)", 3.0),
        ("(?:this site can'?t be reached|site can'?t be reached|took too long to respond)", 3.0),
        ("(?:white screen of death|wsod)", 3.0),
        ("(?:critical error on (?:this|your) website|errore critico (?:nel|sul) (?:tuo |vostro )?sito)", 3.0),
        ("(?:critical error|errore critico|erreur critique|критическая ошибка|kritischer fehler|error cr[ií]tico) ~4 "
         "(?:website|site|sito|sitio|сайт*|seite|webseite|web)", 3.0),
        ("(?:website|site|sito|seite|seiten|pages?|pagine|сайт*|страниц*|p[aá]ginas) ~6 (?:ein |un |una |une )?(?:critical error|"
         "errore critico|erreur critique|критическая ошибка|kritischer fehler|error cr[ií]tico)", 2.8),
        ("(?:fatal error|parse error|errore fatale|erreur fatale)", 2.0),
        ("{error_word} ~5 (?:connessione|connection|connexion|verbindung|conexi[oó]n|подключени*|соединени*) ~3 (?:database|db|mysql|base de donn[eé]es|datenbank|base de datos|баз*|бд)", 3.2),
    ],
    "slow_site": [
        ("(?:braucht|takes|taking|ci mette|ci vuole|met|занимает|tarda) (?:fast |quasi |pr[eè]s d'|almost |nearly |почти |casi )?"
         "(?:eine|a|un|une|одну|una|\\d+) minut\\w*", 2.4),
        ("(?:une|a|one|una|un|одну|eine|einer|\\d+) ?minut\\w* ~4 (?:a |à |to |per |pour |para |zum |)(?:afficher|charger|load|open|"
         "aprire|caricare|laden|cargar|abrir|s'?afficher)", 2.4),
        ("(?:открывается|грузится|загружается|opens|loads|carica|si apre|s'?affiche|lädt|carga) (?:по |in |en |in )?"
         "(?:минуте|несколько минут|a minute|minutes|un minuto|minuti|une minute|minutes|einer minute|minuten|un minuto)", 2.4),
        ("(?:erreur de )?d[eé]lai (?:d'?attente )?d[eé]pass[eé]", 1.4),
        ("(?:ttfb|time_starttransfer|time_total|starttransfer) ~2 [1-9]\\d(?:[.,]\\d+)?", 2.2),
        ("(?:mezzo minuto|half a minute|une demi-minute|полминуты|eine halbe minute|medio minuto)", 1.6),
        ("\\d\\d+ ?(?:- ?\\d+ ?)?(?:s|sec|secs|seconds|secondi|secondes|sekunden|segundos|секунд*) ~4 "
         "(?:per |a |ad |to |pour |à |zum |para |на |)(?:load|open|caricare|caricarsi|aprire|aprirsi|charger|ouvrir|s'?ouvrir|"
         "s'?afficher|laden|öffnen|offnen|cargar|cargarse|abrir|abrirse|загрузк*|загружа*|открыва*|открыться|загрузиться|грузит*)", 2.0),
        ("(?:load|open|caricare|aprire|charger|ouvrir|laden|öffnen|offnen|cargar|abrir|загрузк*|загружа*|открыва*) ~5 "
         "\\d\\d+ ?(?:- ?\\d+ ?)?(?:s|sec|secs|seconds|secondi|secondes|sekunden|segundos|секунд*)", 2.0),
        ("{site} ~4 {slow}", 2.6),
        ("{slow} ~2 {site}", 2.2),
        ("{very_slow}", 2.6),
        ("{slow}", 1.2),
        ("{load_seconds}", 2.8),
        ("ttfb ~4 \\d+ ?(?:s|sec*|seconds?|secondi|secondes|секунд*|sekunden|segundos)", 2.0),
    ],
    "repeated_5xx": [
        ("{error_word} ~2 (?:http ~1 )?5(?:0[0-9]|xx|\\d\\d)", 3.2),
        ("(?:http ~1 )?5(?:0[0-4]|xx) ~2 {error_word}", 3.0),
        ("(?:internal server error|bad gateway|gateway time-? ?out|service (?:temporarily )?unavailable)", 3.2),
        ("http ~1 5(?:0[0-9]|xx)", 3.0),
        ("5xx", 2.5),
        ("50[0-4]", 1.4),
    ],
    "defacement": [
        ("{hack}", 2.6),
        ("{site} ~3 {hacked}", 3.2),
        ("{hacked}", 3.0),
        ("(?:redirect*|reindirizz*|rediri*|перенаправл*|weiterleit*|redirig*) ~5 "
         "(?:casino*|casin[oò]|porn*|viagra|pharma*|scam|spam*|betting|scommesse|казино)", 3.0),
        # foreign content where the customer's own was: a gambling or porn ad on the homepage
        ("(?:casino*|casin[oò]|gambling|betting|scommesse|paris sportifs|казино|ставк[аи]|gl[uü]cksspiel|"
         "sportwetten|apuestas|porn*|viagra|cialis) ~8 {site}", 2.2),
        ("{site} ~8 (?:casino*|casin[oò]|gambling|betting|scommesse|paris sportifs|казино|gl[uü]cksspiel|"
         "sportwetten|apuestas|porn*|viagra|cialis)", 2.2),
        # "someone changed our homepage" (and it was not us)
        ("(?:someone|somebody|qualcuno|quelqu'?un|кто-то|кто то|jemand|alguien) ~4 (?:has |have |ha |a |hat |)"
         "(?:changed|modified|replaced|cambiato|modificato|sostituito|change|modifie|remplace|изменил*|поменял*|"
         "ver[aä]ndert|ge[aä]ndert|ersetzt|cambiado|modificado|reemplazado|sustituido) ~4 {site}", 2.6),
        ("(?:pwned|0wned|h4ck3d|owned by ~2 (?:hacker*|team|crew|anon*))", 2.8),
        ("(?:instead of|al posto d\\w*|à la place d\\w*|a la place d\\w*|вместо|statt|anstelle|en lugar de|en vez de) ~10 "
         "(?:casino*|casin[oò]|porn*|scritte|writing|texte? (?:bizarre|[eé]trange)|текст|иероглиф*|skull|teschio|t[eê]te de mort|"
         "череп|totenkopf|calavera)", 2.6),
        ("(?:scritte|testo|text|texte|текст|schrift|mensaje|writing) ~4 (?:in una lingua che non conosco|en (?:russe|arabe|chinois)|"
         "in (?:arabic|russian|chinese)|in arabo|in russo|на (?:арабском|китайском)|auf (?:arabisch|russisch)|en [aá]rabe)", 2.2),
        ("(?:teschio|skull|t[eê]te de mort|череп|totenkopf|calavera)", 2.0),
        # signs of a break-in: administrators and files nobody created
        ("(?:admin*|amministrator*|administrateur*|администратор*|administrator*|administrador*|utenti|users|utilisateurs|"
         "пользовател*|benutzer|usuarios) ~5 (?:che non abbiamo creato|non creati da noi|we (?:did not|didn'?t|never) create|"
         "nobody created|unknown|sconosciut*|strani|strange|suspicious|sospett*|inconnus?|que nous n'avons pas cr[eé][eé]s?|"
         "неизвестн*|незнаком*|которых мы не создавали|unbekannt*|verd[aä]chtig*|desconocid*|sospechos*|que no hemos creado)", 2.6),
        ("(?:files?|file|fichiers?|файл*|dateien|archivos) ~4 (?:che non conosco|i don'?t recogni[sz]e|we don'?t recogni[sz]e|"
         "unknown|sconosciut*|strani|suspicious|sospett*|inconnus?|que je ne connais pas|неизвестн*|незнаком*|"
         "unbekannt*|verd[aä]chtig*|desconocid*|sospechos*|que no conozco)", 2.2),
        ("(?:phishing|phish) ~5 (?:pages?|pagine|kit|folder|cartell*|dossier|папк*|ordner|carpeta|on our|sul nostro|sur notre)", 2.8),
        ("(?:attackers?'?s?|attaccant[ei]|hackers?'?|attaquants?|взломщик*|хакер*|angreifer[ns]?|atacantes?) ~3 (?:message|messaggio|"
         "text|testo|texte|сообщени*|nachricht|mensaje|page|pagina|banner|logo)", 2.8),
        ("(?:malicious or unwanted software|software dannoso|logiciel malveillant|вредоносн* (?:по|программ*|код*)|schadsoftware|"
         "software malicioso)", 2.4),
    ],
    "hardware_failure": [
        ("(?:hardware|hw) ~2 (?:failure|fault|error|issue|problem|guasto|problema|errore|panne|"
         "defekt|fehler|fallo|fallido|ошибка|сбой|отказ)", 3.2),
        ("(?:raid|mdadm) ~3 (?:degrad*|fail*|broken|rotto|down|dégradé|деград*|kaputt|roto)", 3.2),
        ("(?:smart|s\\.m\\.a\\.r\\.t\\.?) ~2 (?:error|errore|erreur|fehler|ошибк*|fail*|warning)", 2.8),
        ("(?:disk|disco|disque|диск|festplatte|platte|ssd|hdd|nvme) ~3 {hw_broken}", 3.0),
        ("{hw_broken} ~3 (?:disk|disco|disque|диск|festplatte|ssd|hdd|nvme)", 2.8),
        ("(?:psu|power supply|alimentatore|alimentation|блок питания|netzteil|fuente de alimentaci[oó]n) ~3 {hw_broken}", 3.0),
        ("(?:ram|memory|memoria|mémoire|память|speicher|motherboard|scheda madre|carte m[eè]re|материнск*) ~3 {hw_broken}", 2.6),
        ("kernel panic", 2.6),
        ("(?:degraded ?array|degradedarray|array ~2 degrad*)", 3.2),
        ("(?:a )?fail ?event (?:had been detected|on /?dev)", 3.0),
        ("(?:self-?assessment test result ?: ?failed|smartctl ~8 failed|reallocated_sector_ct|"
         "media and data integrity errors|current_pending_sector|offline_uncorrectable)", 3.0),
        ("(?:uncorrectable ecc|ecc (?:errors?|error detected)|machine check (?:exception|error)|mce: ~3 hardware error)", 3.0),
        ("(?:fan\\d*|ventola|ventilateur|вентилятор|l[uü]fter|ventilador) ~4 (?:0 rpm|dead|mort[ao]|rott[ao]|mort|сдох|умер|"
         "сломал*|kaputt|defekt|roto|muerto|lower critical)", 2.8),
        ("(?:temp\\w*|temperatur[ae]|temp[eé]rature|температур*) ~4 (?:upper critical|critical going high|overheat*|surriscald*|"
         "surchauffe|перегрев*|[uü]berhitz*|sobrecalent*)", 2.6),
        ("(?:shut ?down|switched off|spento|spent[ao] da sol[oa]|s'?est [eé]teint|выключил*|schaltet sich ab|hat sich abgeschaltet|"
         "se apag[oó]|se ha apagado) ~3 (?:by itself|on its own|da sol[oa]|tout seul|сам|сама|von selbst|solo|sola)", 2.6),
        ("(?:сам|сама) (?:\\w+ )?(?:выключил*|перезагрузил*|отключил*)", 2.6),
        ("(?:currently unreadable|unreadable ~2 sectors|pending ~2 sectors|offline uncorrectable|failed smart self-check|"
         "back up data now)", 3.0),
        ("(?:reboot*|restart*|riavvi*|red[eé]marr*|перезагруж*|startet|neu ?start*|reinici*) ~3 (?:by itself|on its own|randomly|"
         "da sol[oa]|continuamente|tout seul|toute seule|en boucle|сам|сама|сами по себе|von selbst|st[aä]ndig|solo|sola)", 2.6),
        ("i/?o errors?", 2.4),
    ],
    "network_outage": [
        ("{network} ~3 {down}", 3.0),
        ("{network} ~3 {broken}", 2.6),
        ("{down} ~2 {network}", 2.6),
        ("(?:packet loss|packets? lost|perdita (?:di )?pacchetti|pacchetti persi|pertes? de paquets|"
         "потер[яи] пакетов|paketverlust*|p[eé]rdida de paquetes)", 3.0),
        ("(?:ddos|d-dos|denial of service)", 2.8),
        ("(?:ping|traceroute|mtr) ~6 (?:fail*|timeout|time-?out|timed out|lost|perso|perdu|loss|nessuna risposta|non risponde|no reply|no response|ne r[eé]pond|не отвеча*|не проход*|превышен|keine antwort|nicht erreichbar|zeit[uü]berschreitung|sin respuesta|no responde|tiempo de espera agotado|d[eé]lai d'?attente)", 2.6),
        ("(?:non risponde|doesn'?t respond|does not respond|not responding|ne r[eé]pond (?:plus|pas)|не отвеча*|antwortet nicht|no responde) ~4 (?:al |to |au |на |auf |a )?(?:ping|ssh)", 2.6),
        ("(?:nicht|weder) (?:mehr )?(?:per|über|via) (?:ping|ssh) ~3 erreichbar", 2.8),
        ("{network} ~1 (?:problem*|issue*|troubl*|souci*|проблем*|st[oö]rung*|fehler|sbo*|guast*|panne)", 2.6),
        ("netzwerk(?:problem|st[oö]rung|ausfall|fehler)*", 3.0),
        ("(?:upstream|transit|uplink|switch|router|bgp|peering|datacenter|data center|data-?center) ~4 {down}", 2.8),
        ("(?:latency|latenza|latence|задержк*|latenz|latencia) ~4 (?:alt[ae]|high|[eé]lev[eé]e?|высок*|hoch|alta)", 2.0),
    ],
    "file_loss": [
        ("(?:spariti|sparite|scompars[ie]|disappeared|vanished|gone|disparu(?:e?s)?|пропал*|исчез*|verschwunden|desaparecid[oa]s?) ~4 (?:\\w+ )?(?:gallerie|galleries|galeries|foto|photos|pictures|images|immagini|bilder|fotos|фото*|картинк*|documents|documenti|dokumente|documentos)", 2.8),
        ("(?:gallerie|galleries|galeries|foto|photos|pictures|images|immagini|bilder|fotos|фото*|картинк*|documents|documenti|dokumente|documentos) ~4 (?:spariti|sparite|scompars[ie]|disappeared|vanished|gone|disparu(?:e?s)?|пропал*|исчез*|verschwunden|desaparecid[oa]s?)", 2.8),
        # ransomware: files encrypted and a ransom asked
        ("(?:ransom|ransom note|riscatto|ran[cç]on|выкуп*|l[oö]segeld*|rescate)", 2.6),
        ("{files} ~4 (?:encrypted|cifrat*|crittografat*|criptat*|chiffr[eé]s?|зашифрован*|verschl[uü]sselt|"
         "cifrad*|encriptad*)", 3.0),
        ("(?:encrypted|cifrat*|crittografat*|criptat*|chiffr[eé]s?|зашифрован*|verschl[uü]sselt|cifrad*|"
         "encriptad*) ~4 {files}", 2.8),
        ("(?:how_to_|how to |readme_for_)?(?:recover|decrypt|restore)_?(?:files|my_files)", 2.0),
        ("\\d+(?:[.,]\\d+)? ?(?:btc|bitcoins?|xmr|monero)", 2.4),
        ("(?:readme|how_?to|help|restore|decrypt)_(?:restore|decrypt|recover|files|instructions)\\w*", 2.6),
        ("(?:end|ends|ending|finiscono|terminano|finissent|se terminent|заканчива*|enden|terminan|acaban) ~3 "
         "(?:with |in |con |par |en |на |mit |auf )?\\.?(?:locked|encrypted|crypted|crypt|enc|lock)", 2.6),
        ("{files} ~4 {gone}", 3.0),
        ("{gone} ~3 {files}", 2.8),
        ("{deleted_by_mistake} ~4 {files}", 3.0),
        ("{files} ~3 {deleted_by_mistake}", 2.8),
    ],
    "db_loss": [
        ("(?:spariti|sparite|scompars[ie]|disappeared|vanished|disparu(?:e?s)?|пропал*|исчез*|verschwunden|desaparecid[oa]s?) ~4 "
         "(?:\\d[\\d.,]* (?:\\w+ )?)?(?:orders?|ordini|commandes|заказ*|bestellungen|pedidos|products|prodotti|produits|товар*|produkte|productos)", 3.0),
        ("(?:orders?|ordini|commandes|заказ*|bestellungen|pedidos|products|prodotti|produits|товар*|produkte|productos|termine|"
         "appuntamenti|prenotazioni|rendez-vous|r[eé]servations|записи|citas|reservas|bookings|appointments) ~8 "
         "(?:have |has |sono |ont |sind |han )?(?:disappeared|vanished|gone missing|missing|spariti|sparite|scompars[ie]|"
         "disparu(?:e?s)?|пропал*|исчез*|verschwunden|desaparecid[oa]s?)", 3.0),
        ("{db_data} ~4 {gone}", 3.2),
        ("{gone} ~3 {db_data}", 3.0),
        ("{db_data} ~3 {corrupt}", 3.0),
        ("{corrupt} ~3 {db_data}", 2.8),
        ("{deleted_by_mistake} ~4 {db_data}", 3.2),
        ("{db_data} ~3 {deleted_by_mistake}", 3.0),
        ("{data_lost}", 3.0),
        ("drop (?:table|database)", 2.6),
    ],
    "email_not_working": [
        ("(?:connexion|connection|connessione|подключени*|verbindung|conexi[oó]n) (?:au |to the |to |al |à |к |zum |con el )?"
         "(?:serveur|server|серверу|servidor) ~4 (?:a [eé]t[eé] refus[eé]e|refus[eé]e|refused|rifiutata|отклонен*|отказано|abgelehnt|rechazada)", 2.4),
        ("(?:mail|posta|courrier|почт*|correo)? ?(?:queue|coda|file d'?attente|очеред*|warteschlange|cola) ~4 "
         "(?:deferred|bloccat*|bloqu[eé]e?s?|застрял*|заблокирован*|h[aä]ngt|stuck|\\d[\\d ]+ (?:mails|messages|messaggi|писем|e-?mails))", 2.6),
        ("(?:authentication ?failed|authenticationfailed|login failed) ~8 (?:all|every|tutti|tous|все|alle|todos) ~3 "
         "(?:accounts?|caselle|mailbox*|bo[iî]tes|ящик*|postf[aä]cher|buzones|utenti|users)", 2.6),
        ("(?:tutti|all|every|tous|все|alle|todos) ~4 (?:accounts?|caselle|mailbox*|bo[iî]tes|ящик*|postf[aä]cher|buzones) ~8 "
         "(?:authentication ?failed|authenticationfailed|login failed)", 2.6),
        ("(?:mail|smtp|imap|pop3?|posta|messagerie|почт*|correo) ~6 (?:connection refused|connexion refus[eé]e|"
         "connessione rifiutata|verbindung (?:wurde )?abgelehnt|conexi[oó]n rechazada|в соединении отказано|отказано в соединении)", 2.6),
        ("(?:connection refused|connexion refus[eé]e|connessione rifiutata) ~6 (?:mail|smtp|imap|pop3?|server di posta|serveur de messagerie)", 2.4),
        # our mail ends up in the customers' junk folder (or does not arrive at all)
        ("(?:finisc*|arriv*|end(?:s|ing)? up|go(?:es)? (?:in|to)|land*|atterri*|terminent|finissent|tombent|попада*|landen|"
         "llegan|acaban|van) ~4 (?:in |nella |nello |nel |into |dans |в |im |en |a |al )?(?:la |the |les |le |their |loro |los )?"
         "(?:spam|junk|posta indesiderata|indesiderat*|courrier ind[eé]sirable|ind[eé]sirables|спам|junk-?ordner|no deseado|"
         "correo no deseado)", 2.6),
        # the site's forms stopped delivering
        ("(?:contact form|forms?|modul[oi] (?:di )?contatt*|form (?:di )?contatt*|formulaire*|форм* обратной связи|"
         "kontaktformular*|formulario*) ~8 (?:no longer send*|doesn'?t send|don'?t send|not send*|nothing arrives|"
         "never arrive|non arriv*|non (?:ci )?arriva*|n'?arrive* (?:plus|pas|rien)|не приход*|не доход*|kommt nicht|"
         "kommen nicht|no llega*|no nos llega*)", 2.6),
        ("{email} ~3 {down}", 2.8),
        ("{email} ~3 {broken}", 2.6),
        ("{down} ~2 {email}", 2.4),
        ("{broken} ~2 {email}", 2.4),
        ("{mail_failure}", 3.0),
        ("(?:mailer-daemon|mail delivery (?:failed|subsystem)|undeliver(?:able|ed)|delivery status notification|"
         "delivery (?:has )?failed|non recapitabil*|non consegnat*|non distribuibile|unzustellbar|"
         "non remis|non distribu[eé]|no entregado|не доставлен*)", 2.6),
        ("(?:550|554|553|552|535) ~1 5\\.\\d\\.\\d\\d*", 2.6),
        ("(?:relay access denied|mailbox unavailable|550 ~1 5\\.\\d\\.\\d|554 ~1 5\\.\\d\\.\\d|"
         "5\\.7\\.1|5\\.1\\.1|quota exceeded|over quota|mailbox (?:is )?full)", 2.6),
        ("(?:smtp|imap|pop3?) ~6 (?:{error_word}|auth* failed|fail*|timeout|time-?out|a [eé]chou[eé]|[eé]chou*|fallit*|fehlgeschlagen|fall[oó])", 2.6),
        ("(?:blacklist*|black list*|blocklist*|spamhaus|listed on|rbl)", 2.0),
    ],
    "cache_stale": [
        ("(?:pages?|pagine|страниц*|seiten|p[aá]ginas) (?:di|of|d'|de|von) (?:un |one |a |одного )?(?:utente|user|utilisateur|"
         "пользовател*|benutzer|usuario) (?:a|to|à|другому|an|al?) (?:un |another |un autre )?(?:altro|another|autre|other)", 2.6),
        ("{cache} ~8 (?:privacy|gdpr|rgpd|dsgvo|data leak|fuga di dati|fuite de donn[eé]es|утечк*|datenleck|fuga de datos)", 2.2),
        ("{cache} ~4 (?:h[aä]ngt|stuck|bloccat[ao]|bloqu[eé]|завис*|atascad[ao])", 2.4),
        ("(?:saw|sees|see|seeing|vedono|vede|visto|voient|voit|vu|видят|видит|видел*|sehen|sieht|sah|ven|ve|vio) ~5 "
         "(?:a )?(?:stranger*|estrane*|sconosciut*|inconnu*|незнаком*|чуж*|fremde*|desconocid*)", 2.6),
        ("(?:cart|basket|carrello|panier|корзин*|warenkorb|carrito) ~5 (?:empt*|svuot*|vuot[oa]|(?:se )?vide|пуст*|leer*|vac[ií]*)", 2.4),
        ("(?:cart|basket|carrello|panier|корзин*|warenkorb|carrito) ~8 (?:cose che non hanno messo|items? (?:they|he|she) never added|"
         "things they didn'?t add|articles? qu'?ils n'?ont pas|товары?,? которы* не добавлял*|artikel,? die (?:sie|er) nicht|"
         "productos que no (?:han|ha) (?:puesto|a[nñ]adido))", 2.6),
        ("{cache} ~4 {stale}", 3.2),
        ("{stale} ~3 {cache}", 2.8),
        ("{changes_invisible}", 2.8),
        ("{old_version}", 2.6),
        ("{purge} ~2 (?:la |the |le |il |den |el )?{cache}", 2.6),
        ("(?:see|sees|seeing|saw|seen|show|shows|showed|vedono|vede|visto|vedeva|mostra|mostrava|voient|voit|voyait|voyaient|affiche|affichait|видят|видит|видел*|sehen|sieht|sah|ven|ve|vio|visto) ~5 (?:other|another|different|altri|altro|altrui|divers[oaie]|d'autres|autres?|diff[eé]rent[es]?|чуж*|друг(?:ого|их|ой)|andere[nrs]?|otros?|otra|distint[oa]s?) ~2 (?:customers?|clienti|cliente|utenti|utente|users?|clients?|покупател*|пользовател*|клиент*|kunden|kunde|benutzer|usuarios|usuario|person'?s?|people'?s?|persone|personne|gens|люд*|человек*|leute|personas?|gente)", 2.8),
        ("(?:carrello|cart|basket|panier|корзин*|warenkorb|carrito|account|compte|аккаунт|konto|cuenta) (?:di|of|d'|des|de|von) "
         "(?:altri|others|other people|autres|d'autres|других|чужой|anderer|anderen|otros)", 2.6),
        ("{cache}", 0.8),
        ("{cache} ~2 {purge}", 2.4),
        ("(?:varnish|cloudflare|cdn|litespeed cache|w3 total cache|wp rocket|wp super cache|redis|memcached?) ~5 {stale}", 2.8),
    ],
    "db_restore": [
        ("(?:rimett\\w*|riport\\w*|put (?:\\w+ )?(?:\\w+ )?back|remett\\w*|верн\\w*|zur[uü]ck\\w*|dej(?:adlo|arlo|ad)|volv\\w*|"
         "restore|ripristin\\w*|restaur\\w*|wiederherstell\\w*|восстанов\\w*) ~6 (?:com'?era|come (?:era|prima)|how it was|"
         "as it was|the way it was|comme (?:avant|c'?[eé]tait)|как было|wie (?:es )?(?:vorher|war)|como estaba|como antes)", 2.6),
        ("(?:riportate|riportare|riportiamo) indietro (?:il |la |i )?(?:\\w+ )?(?:db|database|sito|file)", 2.8),
        ("{restore} ~5 {db}", 3.2),
        ("{db} ~4 {restore}", 3.0),
        ("{restore} ~4 {backup}", 2.2),
        ("{backup} ~4 {restore}", 2.0),
        ("{restore} ~3 {site}", 1.8),
    ],
    "file_restore": [
        ("{restore} ~5 {files}", 3.2),
        ("{files} ~4 {restore}", 3.0),
        ("{restore} ~4 {backup}", 2.0),
        ("{backup} ~4 {restore}", 1.8),
    ],
    "staging_restore": [
        ("{restore} ~8 {staging}", 3.8),
        ("{staging} ~8 {restore}", 3.6),
        ("{backup} ~6 {staging}", 2.6),
        ("{staging} ~6 {backup}", 2.4),
    ],
    "staging_clone": [
        ("{clone} ~6 {staging}", 3.4),
        ("{staging} ~6 {clone}", 3.2),
        ("{production} ~4 {staging}", 2.4),
        ("{staging} ~4 {production}", 2.4),
        ("{staging}", 1.2),
    ],
    "new_domain": [
        ("{register} ~4 {domain}", 3.0),
        ("{new} ~2 {domain}", 3.0),
        ("{domain} ~2 {new}", 2.4),
        ("{domain} ~4 (?:registr*|acquist*|purchase|achat|регистрац*|registrierung|registro|compra)", 2.6),
        ("(?:disponibil*|available|availability|disponible|свободен|verf[uü]gbar) ~4 {domain}", 2.4),
        ("{domain} ~4 (?:disponibil*|available|disponible|свободен|verf[uü]gbar)", 2.4),
        ("{domain}", 0.6),
    ],
    "hosting_activation": [
        ("{activate} ~4 {hosting_plan}", 3.0),
        ("{new} ~2 {hosting_plan}", 3.0),
        ("{hosting_plan} ~4 {activate}", 2.6),
        ("{ordered} ~5 {hosting_plan}", 2.8),
    ],
    "dedicated_activation": [
        ("{activate} ~5 {dedicated}", 3.4),
        ("{new} ~3 {dedicated}", 3.4),
        ("{ordered} ~5 {dedicated}", 3.2),
        ("{dedicated} ~5 {activate}", 3.0),
        ("{dedicated}", 1.6),
    ],
    "hosting_migration": [
        ("{migrate} ~5 {site}", 2.6),
        ("{migrate} ~5 (?:{hosting_plan}|{server}|account|spazio|space|espace|пространств*|webspace|espacio)", 2.6),
        ("{migrate} ~6 {from_other_provider}", 3.2),
        ("{migration}", 1.8),
    ],
    "new_mailbox": [
        ("{create} ~4 {mailbox}", 3.2),
        ("{new} ~2 {mailbox}", 3.2),
        ("{mailbox} ~3 {new}", 2.6),
        ("{create} ~3 (?:an? |un |une |una |ein |eine |un )?(?:{email}|alias|alias*) ~3 [a-z0-9._-]+@", 3.0),
        ("{create} ~2 [a-z0-9._-]+@[a-z0-9.-]+", 2.8),
        ("(?:alias|forwarder|inoltro|redirection|переадресац*|weiterleitung|reenv[ií]o) ~4 {email}", 2.2),
    ],
    "dns_record": [
        ("(?:record|enregistrement|запис*|eintrag|registro) ~2 (?:dns ~1 )?(?:a|aaaa|mx|cname|txt|spf|dkim|dmarc|srv|caa|ptr)", 3.2),
        ("(?:a|aaaa|mx|cname|txt|spf|dkim|dmarc|srv|caa|ptr) ~1 (?:record|records|enregistrement|запис*|eintrag|registro)", 3.2),
        ("(?:spf|dkim|dmarc)", 2.4),
        ("{point} ~5 (?:{domain}|dns|ip|server|sottodominio|subdomain|vercel|netlify|shopify|wix|github)", 2.6),
        ("(?:{domain}|dns) ~4 {point}", 2.4),
        ("(?:dns|zone) ~2 (?:zone|dns|record|records|entries|voci|config*|settings|impostazioni|записи|einträge|entradas)", 2.6),
        ("(?:google|site|search console|facebook|microsoft|apple) ~2 (?:verification|verifica|v[eé]rification|verificaci[oó]n|подтвержден*|verifizierung)", 2.2),
        ("dns", 1.2),
    ],
    "nameserver_switch": [
        ("{nameserver}", 2.6),
        ("{change} ~4 {nameserver}", 3.4),
        ("{nameserver} ~4 {change}", 3.0),
        ("ns[12] ?\\.", 2.4),
    ],
    "mysql_password": [
        ("{mysql} ~4 {password}", 2.6),
        ("{password} ~4 (?:del |of |de |du |для |f[uü]r |para )?(?:the |la |il |le |den |el )?{mysql}", 2.6),
    ],
    "ftp_password": [
        ("{ftp} ~4 {password}", 2.8),
        ("{password} ~4 (?:del |of |de |du |для |f[uü]r |para )?(?:the |la |il |le |den |el )?{ftp}", 2.8),
    ],
    "email_password": [
        ("(?:{email}|{mailbox}) ~4 {password}", 2.6),
        ("{password} ~4 (?:del |of |de |du |для |f[uü]r |para )?(?:the |la |il |le |den |el |my |mia |ma |моей |meine |mi )?(?:{email}|{mailbox})", 2.6),
    ],
    "cms_password": [
        ("{cms} ~4 {password}", 2.6),
        ("{password} ~4 (?:del |of |de |du |для |f[uü]r |para )?(?:the |la |il |le |den |el )?{cms}", 2.6),
        ("{locked_out}", 2.0),
    ],
    "https_letsencrypt": [
        ("let'?s ?encrypt", 3.2),
        ("{install} ~4 {ssl}", 3.0),
        ("{ssl} ~4 {install}", 2.6),
        ("{ssl} ~3 {expired}", 2.6),
        ("{expired} ~3 {ssl}", 2.4),
        ("{not_secure}", 2.6),
        ("(?:redirect*|reindirizz*|rediri*|weiterleit*|redirig*|редирект*|перенаправ*) ~5 https", 2.8),
        ("http ~2 (?:a|to|vers|на|zu|auf|a) https", 2.8),
        ("{ssl}", 1.2),
    ],
    "subdomain": [
        ("{subdomain}", 3.0),
        ("{create} ~3 {subdomain}", 3.4),
        ("(?:terzo livello|third-? ?level|troisi[eè]me niveau|третьего уровня|third level)", 2.6),
    ],
    "pagespeed": [
        ("(?:page ?speed|pagespeed insights|core web vitals|web vitals|lighthouse|gtmetrix|webpagetest|pingdom tools)", 3.2),
        ("(?:lcp|cls|fid|inp|fcp|tbt|cwv)", 2.4),
        ("(?:punteggio|score|note|оценк*|bewertung|puntuaci[oó]n) ~4 (?:mobile|desktop|google|speed|velocit*|vitesse|скорост*|geschwindigkeit|velocidad)", 2.4),
    ],
    "performance_tuning": [
        ("{optimise} ~4 {performance}", 3.0),
        ("{performance} ~4 {optimise}", 2.6),
        ("{speed_up} ~3 {site}", 2.6),
        ("{speed_up}", 2.0),
        ("{optimise}", 1.2),
        ("(?:php-?fpm|opcache|object cache|redis|memcached|innodb|my\\.cnf|php\\.ini|tuning|worker*|max_children) ~6 {optimise}", 2.6),
        ("{optimise} ~6 (?:php-?fpm|opcache|object cache|redis|memcached|innodb|mysql|server|database|db)", 2.6),
    ],
    "instance_downgrade": [
        ("downgrad*", 3.4),
        ("{reduce} ~4 {plan}", 3.0),
        ("{plan} ~4 {smaller}", 3.0),
        ("{smaller} ~3 {plan}", 2.8),
        ("scale ?down", 3.0),
    ],
    "scale_up_migration": [
        ("upgrad* ~4 (?:{plan}|ram|cpu|vcpu|core*|risorse|resources|ressources|ресурс*|ressourcen|recursos)", 3.0),
        ("(?:{plan}|ram|cpu|vcpu|cores?) ~4 upgrad*", 2.6),
        ("{increase} ~4 (?:{plan}|ram|cpu|vcpu|core*|risorse|resources|ressources|ресурс*|ressourcen|recursos|potenza|power|puissance|мощност*|leistung|potencia|memoria|memory|m[eé]moire|памят*|speicher)", 3.0),
        ("{plan} ~4 {bigger}", 3.0),
        ("{bigger} ~3 {plan}", 2.8),
        ("{traffic_peak}", 3.0),
        ("scale ?up", 3.0),
        ("upgrad*", 1.4),
    ],
    "nginx_rewrite": [
        ("nginx ~6 (?:rewrite*|redirect*|regol*|rule*|r[eè]gle*|правил*|regel*|regla*|location|config*)", 3.4),
        ("(?:rewrite*|redirect*|regol*|rule*|r[eè]gle*|правил*|regel*|regla*) ~6 nginx", 3.4),
        ("\\.?htaccess", 2.6),
        ("(?:rewrite ?rules?|rewrite ?rule|rewriterule|try_files|mod_rewrite|url rewrit*)", 2.8),
        ("nginx", 1.2),
    ],
    "permalink_301": [
        ("(?:permalink*|permalien*|чпу|slug)", 3.2),
        ("(?:301 ~1 redirect*|redirect* ~1 301|redirection* ~1 301|reindirizzament* ~1 301|weiterleitung* ~1 301|301-?weiterleitung*|redirecci[oó]n* ~1 301|301 ~1 редирект*|редирект* ~1 301)", 2.2),
        ("{url_structure}", 3.0),
        ("(?:old|vecchi|anciennes?|стар*|alte|antigu*) ~2 (?:urls?|links?|liens?|ссылк*|адрес*|enlaces?)", 2.4),
    ],
    "external_backup": [
        ("{backup} ~6 {own_storage}", 3.4),
        ("{own_storage} ~6 {backup}", 3.0),
        ("{backup} ~3 {external}", 3.2),
        ("{external} ~3 {backup}", 3.0),
        ("(?:nas|synology|qnap|s3|bucket|dropbox|google drive|onedrive|backblaze|wasabi|b2|rsync|rclone|sftp) ~6 {backup}", 2.6),
        ("{backup} ~6 (?:nas|synology|qnap|s3|bucket|dropbox|google drive|onedrive|backblaze|wasabi|b2|rsync|rclone)", 2.8),
    ],
    "epp_code": [
        ("(?:epp|auth ?-?code|auth ?-?info|authcode|authinfo|auth ?code|transfer ?code|transfer key)", 3.4),
        ("{transfer} ~5 {domain} ~6 {elsewhere}", 3.0),
        ("(?:codice|code|c[oó]digo|код|codes?) ~2 (?:per |pour |to |para |для |zum |f[uü]r )?(?:il |le |the |el )?{transfer}", 3.0),
        ("(?:altro|another|other|autre|друго*|anderen?|otro|nuovo|new|nouveau) ~1 (?:registrar|registraire|регистратор*|registrador|maintainer)", 2.6),
        ("{transfer} ~3 {elsewhere} ~6 {domain}", 2.6),
        ("{domain} ~5 {transfer} ~6 {elsewhere}", 2.8),
    ],
    "expert_report": [
        ("{authority}", 2.8),
        ("{report} ~6 {authority}", 3.4),
        ("{authority} ~8 (?:log*|dati|data|donn[eé]es|данны*|daten|datos|ip)", 3.2),
        ("{report}", 1.2),
    ],
    "cms_migration": [
        ("{other_cms} ~5 (?:a|to|in|into|vers|en|на|в|zu|nach|auf|a|al) ~2 (?:wordpress|woocommerce|prestashop|shopify|joomla|drupal|magento|wix)", 3.4),
        ("(?:{migrate}|{convert}) ~4 (?:da |from |de |с |von |desde )?{other_cms}", 2.2),
        ("{change} ~3 cms", 3.0),
        ("cms ~3 {change}", 2.6),
        ("(?:da |from |de |с |von |desde )(?:{other_cms}) ~3 (?:a|to|vers|на|zu|nach|a) (?:wordpress|{other_cms})", 3.2),
    ],
    "theme_development": [
        ("{build} ~4 {theme}", 3.2),
        ("{new} ~2 {theme}", 3.0),
        ("{theme} ~3 {new}", 2.4),
        ("{theme} ~4 (?:custom|personalizzat*|su misura|sur mesure|на заказ|individuell*|a medida)", 3.0),
        ("{redesign}", 3.0),
        ("{build} ~3 (?:a |un |una |une |ein |eine |новый )?(?:{new} )?(?:{site}|sito|site|сайт|webseite|sitio)", 2.4),
    ],
    "plugin_development": [
        ("{plugin} ~6 {build}", 2.6),
        ("(?:serve|servirebbe|bisogno di|need|needs|besoin d'?|нужен|нужно|brauchen|necesitamos|necesito|cerchiamo|looking for) ~3 (?:un |a |une |ein |einen |un )?{plugin}", 2.2),
        ("{build} ~4 (?:a |un |una |une |ein |eine |un )?(?:custom |nuovo |new |nouveau |новый |neues? |nuevo )?{plugin}", 3.2),
        ("{plugin} ~3 (?:custom|personalizzat*|su misura|sur mesure|на заказ|individuell*|a medida|ad hoc)", 3.0),
        ("(?:custom|personalizzat*) ~1 {plugin}", 3.0),
        ("{build} ~4 (?:funzionalit*|feature*|fonctionnalit*|функционал*|funktion*|funcionalidad*|integra*|api|connettore|connector|connecteur|коннектор*|schnittstelle*)", 2.6),
    ],
    "ads_campaign": [
        ("(?:google ?ads|adwords|facebook ads|meta ads|instagram ads|linkedin ads|tiktok ads|bing ads|ppc|sem)", 3.2),
        ("{campaign} ~3 (?:ads|adv|pubblicitari*|advertising|publicitaire*|рекламн*|werbe*|publicitari*|sponsorizzat*|sponsored)", 3.2),
        ("{advertising}", 2.6),
    ],
    "link_building": [
        ("(?:link ?-?building|backlinks?|netlinking|link popularity|linkaufbau|linkbuilding|ссылочн*|обратн* ссылк*|внешн* ссылк*)", 3.4),
    ],
    "woocommerce_update": [
        ("{update} ~4 woocommerce", 3.6),
        ("woocommerce ~4 {update}", 3.4),
        ("woocommerce ~2 \\d+\\.\\d+", 2.0),
    ],
    "risky_plugin_update": [
        ("{update} ~4 (?:{plugin}|{risky_plugin}|{theme}|core|wordpress|wp|php|magento|prestashop|joomla|drupal)", 2.6),
        ("(?:{plugin}|{risky_plugin}) ~4 {update}", 2.4),
        ("{risky_plugin}", 1.4),
    ],
    "performance_consulting": [
        ("{optimise} ~5 (?:{code}|{theme}|{plugin}|query|queries|frontend|front-?end|javascript|js|css|immagini|images|изображен*|bilder|im[aá]genes)", 2.8),
        ("(?:{code}|query|queries|javascript|css) ~4 {optimise}", 2.4),
        ("(?:consulen*|consult*|conseil*|консульт*|beratung|asesor*) ~4 {performance}", 2.8),
    ],
    "seo_audit": [
        ("seo", 2.8),
        ("(?:audit|analisi|analysis|analyse|аудит|analyse|an[aá]lisis) ~3 seo", 3.4),
        ("{seo_words}", 2.6),
    ],
    "copywriting": [
        ("(?:copywrit*|copy ?writing|ghostwrit*)", 3.4),
        ("{write} ~4 {texts}", 3.0),
        ("{texts} ~4 (?:{new}|per il|for the|pour le|для|f[uü]r|para)", 1.6),
    ],
    "social_media": [
        ("(?:social ?media|social ?network*|smm|social)", 3.0),
        ("(?:facebook|instagram|linkedin|tiktok|twitter|youtube|pinterest|вконтакте|вк|telegram)", 1.8),
        ("{manage} ~4 (?:facebook|instagram|linkedin|tiktok|twitter|youtube|pagin*|pages?|profil*|страниц*)", 2.4),
    ],
    "photography": [
        ("{photo_shoot}", 3.2),
        ("(?:video ?maker|videomaker|imagefilm|werbevideo|promo-?video|промо-?ролик*|видеоролик*|videoclip)", 2.6),
        ("video ~1 (?:promozional*|aziendal*|promo*|corporate|promotionnel*|pour (?:le|notre) site|for (?:our|the) (?:site|website)|promocional*|del producto|dei prodotti|of our products)", 2.6),
        ("(?:promotional|product|corporate|short) ~1 video", 2.6),
        ("(?:foto|photo|фото|fotos|photos)", 1.0),
    ],
    "graphics": [
        ("(?:logo|logotipo|logotype|логотип*|banner*|bannière*|баннер*|brochure|flyer*|volantin*|depliant|infografic*|infographi*|инфографик*|visual identity|brand identity|corporate identity|immagine coordinata|biglietti da visita|business cards?|cartes? de visite|визитк*|visitenkarte*|tarjetas? de visita)", 3.0),
        ("{graphic_design}", 3.0),
    ],
    "prospect_evaluation": [
        ("{not_yet_customer}", 3.4),
        ("{evaluate} ~5 (?:{our_site}|{strategy})", 2.4),
        ("{strategy}", 1.2),
    ],
}


# Situations named only by the definitions of the codes (see rules.SITUATIONS).
SHARED_CASES.update({
    "disk_almost_full": [
        ("{disk_space} ~4 {full}", 3.0),
        ("{full} ~3 {disk_space}", 2.8),
        ("(?:free disk space is less than|disk space (?:is )?(?:low|running low)|low disk space|disk usage (?:is )?(?:above|over|at))", 3.4),
        ("(?:disk|disco|disque|диск|festplatte|platte|volume|partition) ~3 (?:9\\d|100) ?%", 3.0),
    ],
    "ssl_expiring": [
        ("{ssl} ~6 {expiring}", 3.4),
        ("{expiring} ~4 {ssl}", 3.0),
    ],
    "domain_expiring": [
        ("{domain} ~6 {expiring}", 3.2),
        ("{expiring} ~4 {domain}", 3.0),
    ],
    "high_load": [
        ("load average", 2.8),
        ("(?:load|carico|charge|нагрузк*|last|carga|cpu) ~3 (?:alto|alta|elevato|elevata|high|[eé]lev[eé]e?|высок*|hoch|hohe|al 100|at 100|à 100|на 100|(?:[7-9]\\d|100)(?:[.,]\\d+)? ?%)", 2.6),
        ("(?:high|alto|elevato|forte|hohe|высок*|alta|forte) ~1 (?:load|carico|charge|нагрузк*|last|carga|cpu)", 2.6),
    ],
    "monitor_flapping": [
        ("{flapping}", 3.0),
        ("{back_online}", 2.2),
        ("(?:down ?/ ?up|up ?/ ?down|down and up|down e up)", 2.8),
    ],
    "backup_job_failing": [
        ("{backup} ~4 (?:fail*|fallit*|non riuscit*|non (?:è |e )?(?:andat[oi]|riuscit[oi])|errore|error|[eé]chou*|ошибк*|не (?:выполн|созда|прош)*|fehlgeschlag*|fallid*|falla*)", 3.0),
        ("(?:fail*|fallit*|[eé]chec|ошибк*|fehler) ~3 (?:del |of |de |du )?(?:the )?{backup}", 2.6),
    ],
    "mailbox_quota_warning": [("{mailbox_full}", 3.0)],
    "vague_problem": [("{vague_problem}", 2.2)],
    "vague_urgent": [("{nothing_works}", 2.4)],
    "evolutionary_change": [
        ("(?:{update}|upgrade|passare|passer|switch|move|mettre|обнов*|aktualisier*|umstellen|actualiz*|cambiar) ~4 php", 2.8),
        ("php ~3 (?:{update}|upgrade)", 2.6),
        ("(?:php|mysql|mariadb|node|python) ~1 (?:version |versione |version |версии |до )?\\d+\\.\\d+", 1.4),
        ("(?:http/?[23]|quic|brotli|ipv6|hsts|http2|opcache|imagick|ioncube|redis)", 2.6),
    ],
    "generic_consulting": [("{third_party}", 2.6)],
})


SHARED_CUES: dict[str, list[tuple[str, float]]] = {
    "@site_ok": [
        ("{site} ~3 {works}", 2.0),
        ("{everything} ~2 {works}", 1.6),
        ("(?:now|ora|adesso|maintenant|теперь|сейчас|jetzt|ahora|right now|currently|per ora|pour l'instant|пока|aktuell|de momento) ~3 {works}", 2.0),
        ("{back_online}", 2.0),
        ("{resolved}", 2.0),
    ],
    "@password_lost": [("{password_lost}", 1.6)],
    "@customer_fault": [
        ("{deleted_by_mistake}", 1.0),
        ("{my_mistake}", 1.0),
    ],
    "@money": [("{losing_money}", 2.0)],
    "@urgent": [("{urgent}", 1.0)],
    "@not_urgent": [("{not_urgent}", 1.0)],
    "@production": [("{production}", 1.0)],
    # "3 seconds", "2,5 s", "3-4 secondi": slow, but far from the 10 s of RED.
    "@short_load": [
        ("(?:0|1|2|3|4|5|6|7|8|9)(?:[.,]\\d+)?(?: ?- ?(?:0|1|2|3|4|5|6|7|8|9)(?:[.,]\\d+)?)? ?(?:s|sec|secs|seconds?|secondi|secondo|secondes?|секунд[ыа]?|sek|sekunden|segundos?)", 1.0),
    ],
    "@staging": [("{staging}", 1.0)],
}


#: Hosting vocabulary: consulted only when no rule applies, to tell "screening needed"
#: (YELLOW) from "outside hosting" (WHITE).
HOSTING_VOCABULARY = "(?:{site}|{server}|{email}|{db}|{domain}|{dns}|{ssl}|{ftp}|{cms}|{backup}|{files}|{plugin}|{theme})"
