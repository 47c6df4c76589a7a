"""Italian: how customers of an Italian hosting provider write (typos included).

Terms are written with their accents and doubles ("giù", "raggiungibile"); they are
folded like the text, so "giu", "GIÙ" and "giuuu" all match.
"""

from __future__ import annotations

LANGUAGE = "it"

NEGATIONS = ("non", "nn", "no", "nessun", "nessuna", "nessuno", "niente", "nulla", "mai", "senza")
CONTRASTS = ("ma", "però", "tuttavia", "invece", "eppure")

_ACCESS = r"(?:accedere|entrare|aprire|raggiungere|visitare|navigare|vedere|visualizzare|collegarmi|collegarsi)"
_CAN_NOT = r"(?:non|nn) (?:riesco|riusciamo|riescono|riesce|si riesce|posso|possiamo|possono|può) (?:più )?(?:ad? )?"

CONCEPTS: dict[str, list[str]] = {
    "site": [
        "sito", "siti", "sito web", "sitoweb", "portale", "portali", "negozio", "negozio online",
        "pagina", "pagine", "home", "vetrina", "piattaforma", "area riservata", "carrello",
        "sito aziendale", "e-?commerce",
    ],
    "server": ["server", "macchina", "istanza", "spazio web", "spazio hosting", "servizio hosting", "servizi"],
    "down": [
"(?:va|vanno|è andato|e andato|finisce) in timeout", "non risponde (?:più|proprio|per niente)",         "giù", "giu'", "down", "offline", "irraggiungibil*", "inaccessibil*", "caduto", "crollato",
        "oscurato", "crashato",
        "non (?:è |e' |risulta |sembra |sono )?(?:più )?(?:raggiungibil*|accessibil*|visibil*|online|attivo|disponibil*|navigabil*)",
        "non si (?:vede|apre|carica|aprono|vedono|caricano)",
        "non (?:carica|carican*|risponde|rispondono|si avvia|parte)",
    ],
    "stuck": ["morto", "fermo", "ferma", "bloccato", "bloccata", "spento", "sparito"],
    "broken": [
        "(?:non|nn|no) (?:funz?i?on*|fuzion*|funzonan*|va(?! \\w+(?:at|ut|it)[oaie](?!\\w))|vanno|va più|parte|gira)",
        "(?:ha|hanno) smesso di funzionare", "smesso di funzionare", "in errore",
        "(?:dà|da|danno|restituisce|mostra|mostrano|restituiscono) (?:un |uno |degli |l')?(?:errore|errori)",
        "(?:è|e|sono) (?:rotto|rotti|rotta|saltato|saltata|impallato|impallata|andato|andata)",
        "si (?:blocca|pianta|impalla)", "non funziona più niente",
    ],
    "unreachable": [
        "irraggiungibil*", "non (?:è |e' |risulta |sono )?raggiungibil*",
        _CAN_NOT + _ACCESS + r" (?:al |il |nel |sul |allo |alla )?(?:nostro |mio )?(?:sito|portale|negozio|shop|e-?commerce|home)",
        "non (?:si )?(?:vede|vedono) (?:più )?(?:il sito|niente|nulla)",
        "(?:non|nn) funziona (?:più )?(?:niente|nulla)", "(?:è|e) tutto (?:fermo|bloccato|down|giù|offline)",
        "tutto (?:down|giù|offline|fermo|bloccato)",
        "sito (?:non trovato|sospeso|disattivato)",
    ],
    "blank_page": [
"pagina (?:\\w+ )?(?:resta|rimane|diventa) (?:tutta )?bianca", "(?:resta|rimane) (?:tutto )?bianc[oa]",         "pagina (?:bianca|vuota)", "pagine (?:bianche|vuote)", "schermata (?:bianca|vuota)",
        "schermo bianco", "(?:tutto|completamente) bianco",
    ],
    "slow": [
"ci mette una vita", "(?:è|e) (?:diventato|diventata) una lumaca", "una lumaca", "ci vuole (?:mezzo minuto|un minuto|una vita)",         "lent[oaie]", "lentezz*", "lentissim*", "rallentat*", "rallentament*", "rallenta*",
        "(?:ci mette|impiega|ci vuole|ci vogliono|ci mettono) (?:troppo|tanto|molto|un'eternità|minuti|secoli)",
        "tempi di (?:caricamento|risposta) (?:lunghi|altissimi|elevati|infiniti|biblici)",
        "non (?:è |sono )?(?:più )?(?:veloc[ei]|reattiv[oi])", "si blocca",
    ],
    "very_slow": [
        "lentissim*", "(?:estremamente|molto molto|troppo|super|davvero|incredibilmente|terribilmente) lent[oaie]",
        "lento da morire", "(?:ci mette|impiega|ci vogliono) (?:minuti|un'eternità|secoli|\\d\\d+ secondi)",
        "impossibile (?:navigare|lavorare)", "(?:caricamento|caricamenti) (?:infinit[oi]|eterno|eterni)",
        "va a rilento", "(?:è |sono )?inutilizzabil*",
    ],
    "load_seconds": [
        "(?:più di|oltre|anche|circa|quasi) (?:\\d\\d+|dieci|quindici|venti|trenta) (?:secondi|sec|s)",
        "(?:dieci|quindici|venti|trenta|quaranta|sessanta) secondi",
    ],
    "error_word": ["errore", "errori", "codice", "stato"],
    "hacked": [
        "hackerat*", "hackat*", "hakerat*", "bucat[oi]", "violat[oi]", "compromess[oi]", "infett*",
        "manomess[oi]", "defacciat*", "attacco hacker", "attacco informatico", "attacchi hacker",
        "sotto attacco", "scritte strane", "(?:home ?page|pagina|sito) (?:sostituit[ao]|modificat[ao] da)",
    ],
    "hw_broken": [
        "rott[oi]", "guast[oi]", "danneggiat[oi]", "in avaria", "fallit[oi]", "mort[oi]", "bruciat[oi]",
        "difettos[oi]", "non (?:viene )?rilevat[oi]", "si è rotto", "ha ceduto",
    ],
    "network": [
        "rete", "connettività", "connessione di rete", "linea", "banda", "datacenter", "data center",
        "router", "switch", "uplink", "routing", "dns resolver",
    ],
    "gone": [
        "cancellat[oiae]", "eliminat[oiae]", "spari[tv]*", "scompars[oiae]", "scomparsi", "pers[oiae]",
        "andat[oiae] pers[oiae]", "non ci (?:sono|sta|è) più", "non (?:trovo|troviamo|vedo|vediamo) più",
        "mancant[ei]", "mancano", "svanit[oiae]", "rimoss[oiae]", "sovrascritt[oiae]", "azzerat[oiae]",
        "vuot[oiae]", "spariti nel nulla", "volatilizzat*",
    ],
    "deleted_by_mistake": [
        "(?:per errore|per sbaglio|erroneamente|accidentalmente|inavvertitamente) ~2 (?:cancellat*|eliminat*|rimoss*|sovrascritt*|svuotat*)",
        "(?:cancellat*|eliminat*|rimoss*|sovrascritt*|svuotat*) ~3 (?:per errore|per sbaglio|erroneamente|accidentalmente|inavvertitamente)",
        "(?:cancellato|eliminato|sovrascritto|svuotato)",
    ],
    "files": [
        "file", "cartella", "cartelle", "immagini", "foto", "documenti", "allegati", "media", "directory",
        "archivi", "il materiale",
    ],
    "db_data": [
        "database", "db", "base dati", "dati", "tabella", "tabelle", "ordini", "prodotti", "articoli",
        "post", "utenti", "iscritti", "anagrafiche", "clienti", "catalogo", "contenuti", "commenti",
        "prenotazioni", "fatture",
    ],
    "corrupt": ["corrott[oiae]", "danneggiat[oiae]", "rovinat[oiae]", "illeggibil[ei]", "crashed", "corruzione"],
    "data_lost": [
        "(?:perso|persi|perdita|perdere|smarrito) ~2 (?:i |tutti i |dei |di |tutti )?dati",
        "dati ~2 (?:persi|cancellati|spariti|scomparsi|eliminati|svaniti)",
        "perdita (?:di |dei )?dati", "tabelle ~2 (?:cancellate|eliminate|sparite|svuotate|vuote)",
    ],
    "email": [
        "email", "e-mail", "mail", "posta", "posta elettronica", "casella", "caselle", "pec",
        "messaggi", "webmail",
    ],
    "mail_failure": [
"(?:mail|e-?mail|messaggi) ~6 (?:tornano|ritornano) indietro", "non riceviamo (?:più |proprio |piu )?(?:nulla|niente)", "(?:torna|ritorna|rimanda) (?:sempre )?alla pagina di login", "non (?:(?:è|e) )?(?:più )?arrivat[ae] (?:più )?(?:nessuna|alcuna) (?:mail|e-?mail|posta|pec)", "non arriva(?:no)? più (?:nessuna |alcuna )?(?:mail|e-?mail|posta)",         _CAN_NOT + "(?:inviare|ricevere|spedire|mandare|scaricare|leggere) ~3 (?:email|e-mail|mail|posta|messaggi|pec)",
        "(?:email|e-mail|mail|posta|messaggi|pec) ~4 (?:non|nn) (?:arriva*|parte|partono|escono|esce|entrano|vengono (?:inviat*|ricevut*|recapitat*|consegnat*|spedit*)|si ricevono|si inviano|viene (?:inviata|ricevuta|recapitata))",
        "(?:non|nn) (?:arrivano|arriva|partono|parte|ricevo|riceviamo|ricevono|riceve|invio|inviamo|inviano) (?:più )?(?:le |delle |nessuna |alcuna |la )?(?:email|e-mail|mail|posta|messaggi|pec)",
        "(?:nessuna|zero) (?:email|e-mail|mail) ~3 (?:arriv*|ricev*|in entrata|in uscita|parte|partono)",
        "(?:posta|email|mail) (?:bloccat[ae]|ferm[ae])",
        "(?:email|e-mail|mail|messaggi) ~3 (?:tornano indietro|rimbalz*|respint[ie]|rifiutat[ie]|finiscono in spam)",
        "senza (?:email|posta|mail)", "casella (?:piena|bloccata)",
    ],
    "cache": ["cache", "memoria cache", "caching"],
    "stale": [
        "non (?:si )?aggiorn*", "non (?:si )?refresh*", "non (?:si )?svuot*", "non (?:viene |vengono )?(?:aggiornat*|svuotat*|invalidat*)",
        "vecchi[aoe]", "obsolet[aoie]", "non mostra (?:le )?modifiche", "sempre (?:la stessa|uguale)",
    ],
    "changes_invisible": [
        "(?:modifiche|modifica|cambiamenti|aggiornamenti|correzioni) ~4 (?:non (?:si )?(?:vedono|vede|visibili|compaiono|compare|appaiono|appare|riflettono|sono visibili)|invisibili)",
        "non (?:vedo|vediamo|si vedono|vedono) (?:le |i )?(?:modifiche|cambiamenti|aggiornamenti|correzioni)",
    ],
    "old_version": [
"(?:continua|continuano) a vedere (?:i |le |la |il )?(?:\\w+ )?vecch[ie]", "senza (?:login|accesso) ~4 (?:vede|vedono|continua*)", "(?:in incognito|non loggat[oi]|da anonimo) ~6 (?:vedo|vedono|vede|si vede) ancora", "(?:chi non (?:è|e) loggato|(?:utenti|visitatori|clienti) non loggati) (?:\\w+ )?(?:vede|vedono) ancora", "(?:vede|vedono|vedo) ancora (?:i |le |quell[ie] |la |il )?(?:\\w+ )?vecch[ie]",         "(?:ancora|sempre) ~2 (?:quell[oaie] |la |il |le |i )?vecchi[oaie]",
        "(?:vedo|vediamo|vedono|mostra|appare|compare) ~2 (?:ancora|sempre) (?:la |il |le )?(?:versione |pagina |contenut[oi] )?(?:vecchi[ao]|precedente)",
        "versione (?:vecchia|precedente) ~3 (?:ancora|sempre)",
    ],
    "purge": ["svuotare", "svuota", "svuotate", "svuotatemi", "pulire", "pulite", "purgare", "invalidare", "purge", "flush"],
    "restore": [
"riprendete", "rimetteteli", "rimettetelo", "rimettetela",         "ripristin*", "restore", "restor*", "recuperare", "recupero", "recuperate", "rimettere", "rimettete", "rimetti", "rimettereste", "riportare",
        "ricaricare", "tornare (?:alla|a una|indietro)", "caricare (?:il |un )?backup",
    ],
    "db": ["database", "db", "base dati", "tabelle", "dati"],
    "backup": ["backup", "copia di sicurezza", "copia di backup", "salvataggio", "salvataggi", "copia di ieri", "versione di ieri"],
    "staging": [
        "staging", "ambiente di (?:test|sviluppo|prova|collaudo|staging|pre-?produzione)",
        "(?:sito|server|copia|versione|sottodominio|istanza|installazione) di (?:test|prova|sviluppo|staging|collaudo)",
        "sviluppo", "collaudo", "pre-?produzione", "preprod", "test",
    ],
    "clone": ["clon*", "copiare", "copia", "duplic*", "sincronizz*", "allinea*", "riallinea*", "replicare", "sync*", "portare"],
    "production": [
        "produzione", "sito (?:live|principale|ufficiale|in produzione|reale|pubblico)",
        "ambiente di produzione", "live", "prod",
    ],
    "register": ["registr*", "acquist*", "compra*", "prendere", "attivare", "attivazione", "comprare"],
    "domain": ["dominio", "domini", "nome a dominio", "nomi a dominio"],
    "new": ["nuov[oaie]", "un altro", "un'altra", "ulterior[ei]", "second[oa]", "aggiuntiv[oaie]"],
    "activate": ["attiv*", "aprire", "creare", "configurare", "predisporre", "abilitare", "erogare", "consegnare"],
    "hosting_plan": [
        "hosting", "spazio (?:web|hosting)", "spazi (?:web|hosting)", "piano (?:hosting|di hosting)",
        "pacchetto (?:hosting)?", "account hosting", "servizio (?:di )?hosting", "hosting condiviso", "hosting wordpress",
    ],
    "ordered": [
        "(?:ho|abbiamo) (?:appena )?(?:ordinato|acquistato|comprato|sottoscritto|pagato|attivato)",
        "ordine", "acquisto", "sottoscrizione", "contratto",
    ],
    "dedicated": ["server dedicat[oi]", "dedicat[oi]", "macchina dedicata", "bare ?metal"],
    "migrate": ["migr*", "trasferi*", "sposta*", "traslocare", "trasloco", "passare", "portare"],
    "from_other_provider": [
        "(?:da|dal|dall'|presso) (?:un |l')?(?:altro|vecchio|attuale|precedente) (?:provider|hosting|fornitore|server|gestore)",
        "(?:da|a) voi", "verso di voi", "(?:sui |nei )?vostri server", "(?:vecchio|attuale|precedente) (?:provider|hosting|fornitore)",
        "aruba", "register\\.it", "siteground", "ovh", "godaddy", "hostinger", "serverplan", "netsons",
        "keliweb", "tophost", "hetzner", "ionos", "altervista", "bluehost", "wp engine",
    ],
    "migration": ["migrazione", "migrazioni", "trasferimento", "trasloco"],
    "create": ["crea*", "aggiung*", "attiv*", "aprire", "apertura", "configura*", "impostare", "fare", "predisporre", "generare", "aggiunta"],
    "mailbox": [
        "casell[ae] (?:di posta|email|e-mail|mail|pec)", "casell[ae]", "account (?:di posta|email|e-mail|mail)",
        "indirizz[oi] (?:email|e-mail|mail|di posta)", "(?:email|mail) aziendal[ei]", "utenz[ae] (?:email|di posta)",
        "pec",
    ],
    "point": ["punta*", "puntamento", "far puntare", "collegare", "collegamento", "associare", "indirizzare"],
    "nameserver": ["nameserver*", "name server*", "server dns", "dns server", "server dei nomi", "ns[12]?", "dns di cloudflare"],
    "change": ["cambi*", "modific*", "sostitu*", "aggiorn*", "switch*", "passare", "impostare", "spostare", "variare"],
    "password": ["password", "parola d'ordine", "parola chiave", "credenziali", "dati di accesso", "(?<!relay.)accesso", "pwd", "chiave d'accesso"],
    "password_lost": [
        "{password} ~3 (?:pers[ao]|dimenticat[ao]|smarrit[ao]|scadut[ao]|sbagliat[ao]|errat[ao]|non (?:funziona|va|valida|corretta|accettata|riconosciuta))",
        "(?:perso|persa|dimenticato|smarrito|non ricordo|non ricordiamo|non trovo|non troviamo|recuperare|reimpostare|resettare|reset|rigenerare|resettarmi|inviare) ~3 {password}",
    ],
    "locked_out": [
        _CAN_NOT + r"(?:accedere|entrare|loggarmi|loggarci|fare (?:il )?login|collegarmi) ~2 (?:al |alla |nel |nell'|all'|a )?(?:pannello|admin|amministrazione|bacheca|backend|area riservata|wp-admin|wordpress|dashboard|cms|back-?office)",
        "accesso negato", "(?:account|utente|utenza) bloccat[oa]",
    ],
    "install": ["install*", "attiv*", "configur*", "mettere", "aggiungere", "abilitare", "impostare", "predisporre", "implementare"],
    "ssl": ["ssl", "https", "certificat[oi]", "lucchetto", "connessione sicura", "certificato di sicurezza"],
    "expired": ["scadut[oi]", "in scadenza", "scade", "scaduto", "non (?:è )?(?:più )?valid[oi]", "non rinnovat[oi]", "rinnov*"],
    "not_secure": [
        "non sicur[oa]", "non (?:è )?sicur[oa]", "connessione non (?:è )?(?:privata|sicura)", "non protett[oa]",
        "avviso di sicurezza",
    ],
    "subdomain": ["sottodomini*", "sotto dominio", "sotto-dominio", "sotto domini"],
    "optimise": ["ottimizz*", "migliorar*", "miglioramento", "velocizz*", "potenziare", "rendere (?:più )?veloce", "tuning"],
    "performance": ["prestazion[ei]", "performance", "velocità", "tempi di (?:caricamento|risposta)", "reattività", "rapidità"],
    "speed_up": ["velocizz*", "rendere (?:il sito )?più (?:veloce|rapido|reattivo)", "accelerare", "sveltire"],
    "reduce": ["ridur*", "ridott[oa]", "diminui*", "abbass*", "tagliare", "ridimension*", "passare a un (?:piano|pacchetto) (?:inferiore|più piccolo|più economico)"],
    "plan": ["piano", "pacchetto", "istanza", "server", "risorse", "abbonamento", "offerta", "vps", "configurazione", "tariffa", "macchina", "taglio"],
    "smaller": ["più piccol[oa]", "inferior[ei]", "più economic[oa]", "minore", "ridott[oa]", "meno (?:risorse|ram|cpu|potente)"],
    "increase": ["aument*", "potenzia*", "incrementa*", "aggiungere", "raddoppia*", "espandere", "più"],
    "bigger": ["più grand[ei]", "superior[ei]", "più potente", "maggior[ei]", "più (?:risorse|ram|cpu)"],
    "traffic_peak": [
        "picc?h?i? di (?:traffico|visite|accessi|utenti)", "pic[co]hi", "picco",
        "(?:aumento|boom|ondata|esplosione|impennata) (?:di |del )?(?:traffico|visite|accessi)",
        "black friday", "cyber monday", "(?:campagna|spot|passaggio) (?:tv|televisiv[oa]|in tv)",
        "traffico (?:elevato|alto|in aumento|previsto|molto alto|eccezionale)",
        "(?:migliaia|tantissimi|molti) (?:di )?(?:utenti|visitatori|accessi|visite) (?:contemporanei|in contemporanea)?",
    ],
    "url_structure": ["struttura (?:degli |dei |delle )?(?:url|link|indirizzi)", "url (?:friendly|parlanti)", "indirizzi delle pagine"],
    "own_storage": [
        "(?:nostro|mio|nostra|mia|proprio|propria|nostri|nostre) ~2 (?:nas|server|storage|spazio|disco|ftp|cloud|dropbox|drive|bucket|hard ?disk|computer|pc|sistema)",
        "in locale", "in sede", "in ufficio",
    ],
    "external": ["estern[oi]", "esterna", "esterne", "fuori sede", "remot[oi]", "remota", "altrove", "su (?:un )?(?:altro|secondo) server"],
    "transfer": ["trasferi*", "trasferimento", "sposta*", "portare", "migrare", "passare"],
    "elsewhere": ["altro (?:provider|registrar|fornitore|hosting|maintainer|gestore)", "nuovo (?:provider|registrar|fornitore|gestore)", "altrove", "presso"],
    "authority": [
        "autorità giudiziaria", "polizia (?:postale)?", "carabinieri", "guardia di finanza", "procura", "tribunale",
        "pubblico ministero", "magistrat*", "giudice", "denuncia", "querela", "decreto", "forze dell'ordine",
        "indagin[ei]", "reato", "sequestro", "rogatoria", "avvocat[oi]", "ufficio legale", "autorità",
        "polizia giudiziaria", "ipotesi di reato",
    ],
    "report": ["perizia", "relazione tecnica", "relazione scritta", "perizia tecnica", "consulenza tecnica", "ctu", "ctp", "relazione peritale"],
    "other_cms": ["joomla", "drupal", "wix", "squarespace", "typo3", "shopify", "jimdo", "blogger", "webflow", "opencart", "html statico", "sito statico", "prestashop", "magento", "weebly", "bitrix"],
    "convert": ["convert*", "passare", "trasformare", "rifare", "portare"],
    "build": ["realizz*", "svilupp*", "crea*", "fare", "progett*", "costruire", "programmare", "scrivere", "disegnare", "rifare"],
    "theme": ["tema", "temi", "template", "layout", "grafica del sito", "veste grafica", "child theme"],
    "redesign": ["restyling", "rifacimento (?:del sito|grafico)", "rifare (?:il |tutto il )?sito", "nuovo sito", "nuova grafica", "rinnovare (?:la )?grafica", "redesign"],
    "plugin": ["plugin", "modul[oi]", "estension[ei]", "componente", "add-?on", "integrazion[ei]", "funzionalità"],
    "campaign": ["campagn[ae]", "inserzion[ei]", "annunc[io]", "sponsorizzat[ae]"],
    "advertising": ["pubblicità", "campagne pubblicitarie", "sponsorizzazion[ei]", "advertising", "adv"],
    "update": ["aggiorn*", "upgrade", "update", "nuova versione"],
    "risky_plugin": [
        "elementor", "wpml", "page builder", "divi", "visual composer", "wpbakery", "revolution slider", "slider revolution",
        "yoast", "rank math", "jetpack", "gravity forms", "contact form 7", "wordfence", "acf", "advanced custom fields", "avada",
    ],
    "code": ["codice", "query", "script"],
    "seo_words": ["posizionamento", "indicizzazione", "motori di ricerca", "serp", "search console", "prima pagina di google", "parole chiave", "keyword*", "ranking"],
    "write": ["scriver[ei]", "scrivete", "redig*", "redazione", "stesura", "preparare", "tradu*"],
    "texts": ["test[io]", "articol[io]", "contenut[io]", "descrizion[ei]", "schede prodotto", "post per il blog", "newsletter", "copy"],
    "manage": ["gestire", "gestione", "curare", "seguire", "occuparvi", "pubblicare"],
    "photo_shoot": [
        "servizio fotografico", "servizi fotografici", "shooting (?:fotografico)?", "fotograf[oi]",
        "(?:foto|fotografie) (?:professionali|dei prodotti|prodotto|dei nostri prodotti|per il sito|del negozio)",
        "scattare (?:le )?foto", "still life",
    ],
    "graphic_design": ["grafica", "progetto grafico", "disegnare (?:un |il )?logo", "immagine coordinata", "impaginazione", "illustrazion[ei]", "materiale grafico", "grafico"],
    "not_yet_customer": [
        "non (?:siamo|sono) (?:ancora )?(?:vostri )?clienti", "non (?:sono|siamo) ancora clienti",
        "(?:potenziale|futuro|nuovo) cliente", "prima di diventare (?:vostri )?clienti",
        "stiamo valutando (?:di )?(?:passare|spostarci|affidarci)",
    ],
    "evaluate": ["valut*", "analizz*", "dare un'occhiata", "parere", "giudizio", "revisione", "esaminare"],
    "our_site": ["(?:nostro|mio) (?:sito|portale|progetto|e-?commerce|negozio)", "nostra strategia", "nostro progetto"],
    "strategy": ["strategi[ae]", "piano (?:marketing|di marketing|editoriale)", "marketing", "business plan"],
    "works": [
        "funziona (?:bene|correttamente|regolarmente|perfettamente|normalmente)", "funziona", "funzionano",
        "funzionante", "va (?:bene|benissimo)", "(?:è|e) (?:online|raggiungibile|visibile|attivo|su)",
        "(?:è|e) tornato (?:online|su|raggiungibile|visibile)", "gira (?:bene|regolarmente)",
    ],
    "back_online": ["(?:è|e) tornato (?:online|su|raggiungibile|visibile|a funzionare)", "(?:ha )?ripreso a funzionare", "funziona di nuovo", "di nuovo (?:online|su|raggiungibile)", "(?:è|e) stato (?:giù|down|offline) per (?:\\d+|pochi|qualche|un paio di|dieci|cinque) minut[oi]"],
    "resolved": ["(?:avete |aver |è stato |e stato )?risolto", "sistemato", "grazie per (?:aver )?(?:risolto|sistemato)"],
    "everything": ["tutto", "tutti i servizi", "il resto"],
    "my_mistake": ["per errore", "per sbaglio", "erroneamente", "inavvertitamente", "accidentalmente", "colpa (?:mia|nostra)", "ho sbagliato", "abbiamo sbagliato"],
    "losing_money": [
"ordini (?:sono )?a zero", "nessuno pu[oò] (?:più )?(?:comprare|pagare|ordinare|prenotare)",         "nessuno riesce (?:più )?a (?:pagare|ordinare|comprare|prenotare|completare l'ordine)", "non (?:entra|arriva|arrivano|entrano) (?:più )?(?:un |nessun |neanche un |alcun )?ordin[ei]", "nessun ordine (?:da|oggi|ieri)", "(?:oggi )?zero ordini", "ordini (?:sono )?fermi", "le prenotazioni non arrivano più", 
        "(?:perdendo|perdiamo|perdere|persi|perso|perdita di) ~2 (?:soldi|ordini|vendite|clienti|fatturato|denaro|incassi|contatti|prenotazioni)",
        _CAN_NOT + "(?:vendere|ricevere ordini|fare ordini|acquistare|comprare|prenotare|pagare|concludere)",
        "(?:business|attività|lavoro|azienda|produzione) (?:è )?(?:ferm[oa]|bloccat[oa])", "siamo fermi",
        "danno economico", "perdita economica", "nessun ordine", "ordini bloccati",
    ],
    "urgent": ["urgent[ei]", "urgenza", "emergenza", "al più presto", "subito", "immediatamente", "prima possibile", "critic[oa]", "aiuto", "sos"],
    "not_urgent": [
        "non (?:è |e' )?(?:affatto )?urgente", "nessuna urgenza", "non c'è (?:nessuna )?(?:urgenza|fretta)", "senza fretta",
        "con calma", "quando (?:potete|avete tempo|riuscite|vi è possibile|ne avete la possibilità)",
        "non (?:è )?priorit[aà]rio", "bassa priorità", "non corre",
    ],
    # situations from the code definitions
    "disk_space": ["disco", "spazio (?:su )?disco", "spazio", "storage", "partizione", "volume"],
    "full": ["(?:quasi |praticamente )?pieno", "esaurit[oa]", "sta finendo", "in esaurimento", "al \\d\\d ?%", "poco spazio"],
    "expiring": ["scade (?:tra|fra|il|domani|a breve)", "scade ~1 (?:\\d+|pochi|due|tre|cinque) giorni", "in scadenza", "sta per scadere", "scadrà"],
    "flapping": [
        "va e viene", "(?:torna|tornato|è tornato) (?:su|online) da solo", "per (?:un paio di|qualche|pochi) minuti","a intermittenza", "intermittent[ei]", "a tratti", "ogni tanto (?:cade|va giù|è down)",
        "down per (?:\\d+ ?-? ?\\d* |pochi |un paio di |qualche )?(?:minut[oi]|second[oi])", "cade per pochi minuti",
    ],
    "mailbox_full": ["casell[ae] ~2 (?:quasi |praticamente )?pien[ae]", "quota (?:superata|raggiunta|piena)", "spazio (?:della )?casella"],
    "vague_problem": [
        "(?:un |qualche |piccolo |un piccolo )?problem[ai] (?:con il|col|sul|al|nel) sito", "qualcosa non va (?:con il|col|sul|nel) sito",
        "chiamatemi quando potete",
    ],
    "nothing_works": ["non funziona (?:più )?niente", "non va (?:più )?niente", "chiamatemi (?:subito|immediatamente|urgentemente)"],
    "third_party": [
        "fatturazione elettronica", "software (?:gestionale|di contabilità|di fatturazione)", "stampante", "scanner", "excel", "word",
        "microsoft 365", "office 365", "il mio pc", "il mio computer", "iphone", "gmail personale", "calendario",
    ],
}

CASES: dict[str, list[tuple[str, float]]] = {
    "site_down": [
        ("(?:grafica|layout|css) ~2 (?:saltat[oa]|sballat[oa]|rott[oa]|sfasat[oa]|scompars[oa]|impazzit[oa])", 2.0),
        ("errore (?:di )?connessione (?:al |con il )?(?:database|db)", 3.5),
        ("(?:impossibile|non si riesce a) (?:raggiungere|aprire|accedere al) (?:il )?sito", 3.0),
    ],
    "email_not_working": [
        (_CAN_NOT + "(?:accedere|entrare) ~2 (?:alla |nella )?(?:posta|webmail|casella|email|mail)", 1.8),
    ],
    "email_password": [
        (_CAN_NOT + "(?:accedere|entrare) ~2 (?:alla |nella )?(?:posta|webmail|casella|email|mail)", 1.6),
    ],
    "new_domain": [("(?:registrazione|acquisto) ~2 (?:del |di un |di )?(?:nuovo )?dominio", 3.2)],
    "hosting_migration": [("(?:migrare|trasferire|spostare|portare) ~4 da (?:voi|noi)", 2.8)],
}

CUES: dict[str, list[tuple[str, float]]] = {}
