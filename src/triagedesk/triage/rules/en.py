"""English (also the technical lingua franca inside other languages' mails)."""

from __future__ import annotations

LANGUAGE = "en"

NEGATIONS = ("not", "no", "never", "nothing", "none", "without", "nobody", "neither", "nor", "hardly")
CONTRASTS = ("but", "however", "although", "though", "whereas")

_CANT = r"(?:(?:nobody|no one|none of)(?: \w+)?(?: \w+)?(?: \w+)? can|can'?t|cannot|can not|could ?n'?t|could not|unable to|not able to|are unable to|am unable to|no longer able to)"

CONCEPTS: dict[str, list[str]] = {
    "site": [
        "site", "sites", "website", "websites", "web ?shop", "online shop", "online store", "store", "shop",
        "page", "pages", "homepage", "home page", "storefront", "booking (?:site|page|form|system)", "members area",
        "our domain", "the domain",
    ],
    "server": ["server", "servers", "vps", "machine", "instance", "hosting", "box", "droplet", "services"],
    "down": [
        "down", "offline", "unreachable", "inaccessible", "unavailable", "crashed",
        "not (?:loading|responding|reachable|accessible|available|visible|opening|coming up|resolving|up)",
        "(?:doesn'?t|does not|won'?t|will not|didn'?t) (?:load|open|respond|come up|resolve)",
        "stopped (?:working|loading|responding)", "went (?:down(?! \\d| by| in (?:rank|search|google))|offline|dark)", "is out",
        "nothing loads", "(?:hasn'?t|has not|haven'?t) been loading",
    ],
    "stuck": ["dead", "gone"],
    "broken": [
        "not working", "isn'?t working", "aren'?t working", "(?:doesn'?t|does not|don'?t|won'?t) work",
        "broken", "broke", "fails", "failing", "erroring", "throws (?:an )?errors?", "shows (?:an )?errors?",
        "giving (?:an )?errors?", "gives (?:an )?errors?", "messed up", "stopped working", "went wrong",
    ],
    "unreachable": [
        _CANT + r" (?:access|reach|open|load|get to|get on|connect to|browse|see|visit) (?:the |our |my )?(?:web ?site|site|shop|store|homepage|home page|page)",
        "(?:can'?t|cannot) be reached", "nothing (?:works|loads|is working|shows)", "everything is (?:down|offline)",
        "(?:site|website) (?:has )?(?:disappeared|vanished|gone)", "account (?:has been )?suspended",
        "(?:whole|entire) site (?:is )?(?:down|offline|gone)", "all (?:\\w+ )?sites (?:are )?(?:down|offline)",
    ],
    "blank_page": ["blank (?:white )?(?:page|screen)", "white (?:page|screen)", "empty page", "blank homepage", "empty homepage"],
    "slow": [
        "slow", "slower", "slowly", "sluggish", "laggy", "lagging", "crawl*", "takes (?:ages|forever|too long|minutes)",
        "(?:very|really|so|super|extremely|painfully|incredibly|unbearably) slow", "slowed down", "slowdown",
        "times? out", "timing out", "hangs", "hanging", "spinning",
    ],
    "very_slow": [
        "(?:extremely|painfully|incredibly|unbearably|insanely|ridiculously|horribly|terribly) slow",
        "slow as hell", "super slow", "snail", "slowed to a crawl", "takes (?:ages|forever|minutes)",
        "(?:basically |almost |nearly )?unusable", "to a crawl", "time out after",
    ],
    "load_seconds": [
        "(?:more than|over|about|around|almost|up to|takes|take|taking|roughly) (?:\\d\\d+|ten|fifteen|twenty|thirty|forty|sixty) ?\\+? ?(?:s|sec|secs|seconds)",
        "(?:\\d\\d+|ten|fifteen|twenty|thirty) ?\\+? ?(?:s|sec|secs|seconds) (?:to load|per page|each page|load|loading|for each)",
        "(?:\\d\\d+|twenty|thirty)\\+? seconds",
    ],
    "error_word": ["errors?", "code", "status", "http error", "err"],
    "hacked": [
        "hacked", "been hacked", "defaced", "compromised", "infected", "breached", "hacker", "hackers",
        "hacked by", "under attack", "malicious (?:code|redirect|script)s?", "(?:japanese|pharma|casino) spam",
        "spam (?:links|pages) (?:injected|on our site)",
    ],
    "hw_broken": ["failed", "failing", "failure", "faulty", "dead", "died", "broken", "fried", "not detected", "degraded", "bad sectors?"],
    "network": ["network", "connectivity", "connection", "uplink", "routing", "datacenter", "data center", "router", "switch", "bandwidth", "packet"],
    "gone": [
        "deleted", "disappeared", "vanished", "missing", "gone", "lost", "wiped", "erased", "removed", "empty",
        "overwritten", "no longer there", "not there anymore", "cleared",
    ],
    "deleted_by_mistake": [
        "(?:accidentally|mistakenly|by mistake|by accident|inadvertently) ~2 (?:deleted|removed|overwrote|overwritten|wiped|erased|dropped|emptied|truncated)",
        "(?:deleted|removed|overwrote|wiped|erased|dropped|emptied) ~3 (?:by mistake|by accident|accidentally)",
        "(?:deleted|wiped|erased|dropped|emptied|truncated)",
    ],
    "files": ["files?", "folders?", "directory", "directories", "images", "photos", "pictures", "documents", "attachments", "media library", "theme folder", "uploads folder"],
    "db_data": [
        "database", "db", "data", "tables?", "orders", "products", "posts", "blog posts", "pages", "customers", "users",
        "records", "entries", "content", "comments", "bookings", "invoices", "catalog", "catalogue",
    ],
    "corrupt": ["corrupt", "corrupted", "corruption", "damaged", "crashed", "unreadable", "marked as crashed"],
    "data_lost": [
        "(?:lost|lose|losing|loss of) ~2 (?:all |our |the |some )?data", "data ~2 (?:loss|lost|gone|deleted|wiped|disappeared)",
        "tables? ~2 (?:deleted|dropped|wiped|emptied|truncated|gone|empty)", "no posts found", "0 (?:orders|products)",
    ],
    "email": ["e-?mails?", "mails?", "mailbox*", "inbox*", "messages", "webmail", "email accounts?"],
    "mail_failure": [
"none of the (?:e-?mails?|mails?|messages) ~4 (?:arrive|get through|reach)",         _CANT + r" (?:send|receive|get|download) (?:any )?(?:e-?mails?|mails?|messages)",
        r"(?:not|aren'?t|isn'?t|haven'?t|hasn'?t|don'?t|doesn'?t|never) (?:been )?(?:receiving|sending|getting|arriving|received|sent|delivered|going out|coming in|arrive|get|receive|go out|come in) ~3 (?:any )?(?:e-?mails?|mails?|messages)?",
        "(?:e-?mails?|mails?|messages) ~4 (?:not|aren'?t|isn'?t|don'?t|doesn'?t|never) (?:being )?(?:arriving|delivered|sent|received|going out|coming in|arrive|go out|come in|get delivered)",
        "(?:e-?mails?|mails?|messages) ~3 (?:bounc*|rejected|returned|coming back|blocked)",
        "(?:every|all) (?:e-?mails?|mails?|messages) (?:we send )?(?:bounce|get rejected|are rejected)",
        "(?:no|zero) (?:incoming|outgoing|new) (?:e-?mails?|mails?|messages)",
        "(?:neither|nobody|no one|none of) ~5 (?:receiv*|gets?|getting) ~2 (?:any )?(?:e-?mails?|mails?|messages|notifications|confirmations)",
        "not (?:a single|one) (?:e-?mail|mail|message) (?:has )?(?:arrived|come in|got through|reached)",
        "(?:haven'?t|have not) received (?:a single|any) e-?mails?", "without e-?mail", "mail server (?:is )?down",
        "could not authenticate", "smtp connect\\(?\\)? failed",
    ],
    "cache": ["cache", "caches", "cached", "caching", "cdn", "varnish"],
    "stale": [
        "(?:not|isn'?t|doesn'?t|don'?t|won'?t) (?:refresh|refreshing|update|updating|clear|clearing|purg*)",
        "stale", "outdated", "old (?:version|content|prices|page|menu)", "still (?:old|the old)",
    ],
    "changes_invisible": [
        "changes? ~4 (?:not (?:showing|visible|appearing|live|reflected)|don'?t (?:show|appear)|aren'?t (?:showing|visible|appearing)|invisible)",
        "(?:visitors|customers|users|people) ~3 (?:still )?see ~2 (?:the )?old",
        "(?:can'?t|cannot|don'?t) see (?:the |my |our )?changes",
    ],
    "old_version": ["(?:in )?incognito ~6 (?:still (?:see|shows?|get)|old)", "(?:still|keep) (?:see|sees|seeing|get|getting) (?:the )?(?:last week'?s|yesterday'?s|old|outdated|previous)", "still (?:shows|showing|displays|serves) (?:last week'?s|yesterday'?s|the old|old|outdated|the previous)", "(?:still|keeps?) (?:showing|seeing|serving|see|shows) (?:the )?old", "old (?:prices|content|version|menu) ~3 (?:still|again)"],
    "purge": ["purge", "purging", "clear", "clearing", "flush", "flushing", "empty", "invalidate", "cleared"],
    "restore": ["roll (?:\\w+ )(?:\\w+ )?(?:\\w+ )?(?:\\w+ )?(?:\\w+ )?back", "restore", "restoring", "restored", "roll ?back", "revert", "recover", "recovery", "bring back", "put back", "go back to", "put (?:\\w+'?s? )(?:\\w+'?s? )?(?:\\w+'?s? )?back"],
    "db": ["database", "databases", "db", "data", "tables?", "sql dump"],
    "backup": ["backups?", "back-?up", "snapshot", "last night'?s (?:copy|version)", "yesterday'?s (?:copy|version)"],
    "staging": [
        "staging", "stage", "test (?:site|environment|server|copy|instance|install|version)", "testing (?:site|environment|server)",
        "dev (?:site|environment|server|copy)", "development (?:site|environment|server)", "pre-?prod*", "sandbox", "uat",
    ],
    "clone": ["clone", "cloning", "cloned", "copy", "duplicate", "sync*", "refresh", "mirror", "replicate", "push", "pull"],
    "production": ["production", "prod", "live (?:site|server|shop|store|environment|version)?", "main site", "real site", "public site"],
    "register": ["register", "registering", "registration", "buy", "purchase", "get", "acquire", "grab", "activate", "add"],
    "domain": ["domains?", "domain names?"],
    "new": ["new", "another", "additional", "extra", "second", "more"],
    "activate": ["activate", "activation", "set ?up", "setup", "provision*", "create", "open", "enable", "deliver", "spin up"],
    "hosting_plan": [
        "hosting", "hosting (?:space|account|plan|package)", "web ?space", "shared hosting", "hosting service",
        "space on (?:the )?hosting", "reseller (?:plan|account)", "cpanel account", "plesk subscription",
    ],
    "ordered": ["(?:we|i) (?:just )?(?:ordered|bought|purchased|signed up for|paid for|subscribed to)", "signed the contract", "order", "contract", "purchase"],
    "dedicated": ["dedicated (?:server|box|machine)s?", "dedicated", "bare ?metal"],
    "migrate": ["migrat*", "move", "moving", "moved", "transfer*", "bring", "port", "relocat*", "switch over"],
    "from_other_provider": [
        "(?:from|off|leaving) (?:our |the |my )?(?:old |current |previous |existing )?(?:host|hosting|provider|hosting provider|server)",
        "(?:to|over to) you", "to your (?:servers?|hosting|platform)", "with you",
        "godaddy", "siteground", "ovh", "hostgator", "bluehost", "ionos", "hetzner", "namecheap", "wp engine", "kinsta", "dreamhost",
    ],
    "migration": ["migration", "migrations", "move", "transfer"],
    "create": ["create", "creating", "set ?up", "setup", "add", "adding", "open", "make", "new", "configure", "activate", "provision"],
    "mailbox": [
        "mailbox(?:es)?", "e-?mail (?:accounts?|address(?:es)?|boxes?|inbox(?:es)?)", "mail accounts?", "inbox(?:es)?",
        "(?:email|mail) for (?:our|the|a) new", "address(?:es)?", "accounts?",
    ],
    "point": ["point*", "redirect (?:the )?domain", "connect", "map", "aim"],
    "nameserver": ["name ?servers?", "dns servers?", "ns records?", "ns[12]?", "cloudflare (?:name ?servers?|ns)"],
    "change": ["change", "changing", "switch*", "update", "replace", "set", "move", "modify", "swap"],
    "password": ["passwords?", "pass ?words?", "credentials", "login details", "login", "log-?in", "access details", "pwd", "passcode"],
    "password_lost": [
        "{password} ~3 (?:lost|forgotten|forgot|expired|wrong|incorrect|not working|doesn'?t work|isn'?t working|rejected|no longer works)",
        "(?:lost|forgot|forgotten|misplaced|don'?t (?:know|have|remember)|nobody has|reset|recover|retrieve|resend|need(?: a)? new) ~3 {password}",
        "locked out",
    ],
    "locked_out": [
        _CANT + r" (?:log ?in|login|sign in|access|get into|enter) ~2 (?:to )?(?:the |our |my )?(?:wp-?admin|admin|dashboard|backend|back office|wordpress|cms|admin panel|control panel|account)",
        "locked out", "(?<!relay.)access denied", "account (?:is )?locked",
    ],
    "install": ["install*", "activat*", "set ?up", "setup", "enable", "add", "configure", "put", "get", "force", "implement", "turn on"],
    "ssl": ["ssl", "https", "certificate", "certificates", "cert", "padlock", "secure connection", "tls"],
    "expired": ["expired", "expiring", "expires", "expire", "invalid", "renew*", "out of date"],
    "not_secure": ["not secure", "insecure", "not private", "your connection is not private", "security warning", "unsafe"],
    "subdomain": ["sub-?domains?", "third-level domains?"],
    "optimise": ["optimi[sz]*", "improve", "improving", "tune", "tuning", "speed up", "make (?:it |the site )?faster", "faster", "boost"],
    "performance": ["performance", "speed", "load times?", "loading times?", "response times?", "page speed"],
    "speed_up": ["speed up", "make (?:it|the site|our site) faster", "faster", "accelerate", "quicker"],
    "reduce": ["reduce", "reducing", "lower", "decrease", "scale (?:it |us )?down", "shrink", "cut", "move to (?:a )?(?:smaller|cheaper)"],
    "plan": ["plan", "package", "instance", "server", "vps", "tier", "resources", "subscription", "size", "machine", "droplet"],
    "smaller": ["smaller", "cheaper", "lower", "less (?:ram|cpu|resources|powerful)", "downsized"],
    "increase": ["increase", "boost", "add", "more", "double", "expand", "scale (?:up|it up|the server up)", "raise", "bump"],
    "bigger": ["bigger", "larger", "more powerful", "higher", "stronger", "more (?:ram|cpu|resources|power|cores)"],
    "traffic_peak": [
        "traffic (?:peak|spike|surge|increase|boost)", "(?:peak|spike|surge|influx|rush) (?:of|in) (?:traffic|visitors|users)",
        "black friday", "cyber monday", "product launch", "(?:tv|television) (?:ad|advert|spot|campaign|appearance|show)",
        "(?:\\d+k?|thousands of|lots of) (?:concurrent )?(?:visitors|users)", "concurrent (?:visitors|users)", "sale event",
        "expect (?:a lot of|heavy|high|huge) traffic", "drop next",
    ],
    "url_structure": ["url structure", "link structure", "(?:change|new) (?:the )?urls", "pretty urls", "seo-?friendly urls"],
    "own_storage": [
        "(?:our|my) (?:own )?(?:nas|server|storage|bucket|s3|ftp|drive|dropbox|google drive|onedrive|backblaze|b2|cloud|box|machine|office)",
        "on-?prem*", "in-?house", "under our control", "our own",
    ],
    "external": ["external", "off-?site", "remote", "offsite", "elsewhere", "another location", "second location"],
    "transfer": ["transfer*", "move", "moving", "migrat*", "take (?:it|the domain) away"],
    "elsewhere": ["another registrar", "other registrar", "new registrar", "another provider", "elsewhere", "away", "to (?:another|a different)"],
    "authority": [
        "(?:(?<=the\\s)|(?<=a\\s))courts?", "court (?:order|case|hearing|request|proceedings)", "police", "subpoena", "law enforcement", "prosecutor*", "judge", "judicial", "legal (?:request|proceedings|case|order)",
        "warrant", "investigation", "investigators", "lawyer", "solicitor", "attorney", "criminal", "crime", "fraud", "complaint",
        "tribunal", "magistrate", "authorities",
    ],
    "report": ["expert (?:report|opinion)", "technical report", "forensic (?:report|analysis)", "written report", "statement", "affidavit", "report"],
    "other_cms": ["joomla", "drupal", "wix", "squarespace", "typo3", "shopify", "jimdo", "blogger", "webflow", "opencart", "static html", "prestashop", "magento", "weebly", "ghost"],
    "convert": ["convert*", "switch", "rebuild", "port", "move"],
    "build": ["build", "create", "design", "develop", "make", "code", "write", "program", "redo", "craft"],
    "theme": ["themes?", "templates?", "layouts?", "skin", "child theme", "front-?end design"],
    "redesign": ["redesign", "re-?design", "new look", "revamp", "makeover", "refresh (?:the )?design", "new website design", "brand new site"],
    "plugin": ["plugins?", "extensions?", "modules?", "add-?ons?", "integrations?", "features?", "widget"],
    "campaign": ["campaigns?", "ads", "adverts?", "adwords"],
    "advertising": ["advertising", "paid ads", "ppc", "online ads", "ad campaigns?", "paid (?:search|social)"],
    "update": ["update", "updating", "updated", "upgrade", "upgrading", "new version"],
    "risky_plugin": [
        "elementor", "wpml", "page builder", "divi", "visual composer", "wpbakery", "revolution slider", "slider revolution",
        "yoast", "rank math", "jetpack", "gravity forms", "contact form 7", "wordfence", "acf", "advanced custom fields", "avada",
    ],
    "code": ["code", "queries", "query", "bundle", "scripts", "re-?renders?", "n\\+1"],
    "seo_words": ["organic traffic", "rankings?", "search engines?", "serps?", "google ranking", "keywords?", "search console coverage", "indexing"],
    "write": ["write", "writing", "draft", "produce", "create", "translat*"],
    "texts": ["copy", "texts?", "articles?", "blog posts?", "content", "product descriptions?", "newsletter"],
    "manage": ["manage", "run", "handle", "look after", "post on", "grow"],
    "photo_shoot": ["photo ?shoot", "photographer", "product photos?", "product photography", "photography"],
    "graphic_design": ["graphic design", "graphics", "designer", "illustration", "favicon", "brand (?:identity|kit)", "visual identity"],
    "not_yet_customer": [
        "not (?:yet )?(?:a |your )?customers?", "not (?:a )?client (?:yet|of yours)", "(?:potential|prospective|future) (?:customer|client)",
        "before (?:we )?(?:sign|become|switch|move)", "thinking about (?:moving|switching) to you", "considering (?:moving|switching) to you",
        "second opinion",
    ],
    "evaluate": ["evaluat*", "assess*", "review", "analy[sz]e", "audit", "look at", "opinion", "advice", "compare"],
    "our_site": ["(?:our|my) (?:current |existing )?(?:site|website|portal|project|shop|store)"],
    "strategy": ["strateg*", "marketing plan", "roadmap", "proposal", "proposals"],
    "works": [
        "works", "is working", "are working", "is fine", "are fine", "is up", "is online", "is back", "back up", "back online",
        "(?:works|working|runs|running) (?:fine|ok|okay|well|normally|perfectly|smoothly)", "all good", "no issues?",
        "up and running", "loads fine", "is reachable", "nothing(?:'s| is) (?:wrong|broken)",
    ],
    "back_online": ["back (?:up|online)(?! (?:plan|copy|copies|file|files|server|job|jobs|schedule|strategy|solution))", "back to normal", "working again", "up again", "(?:was|went) (?:down|offline) for (?:\\d+|a few|a couple of|ten|five|two|three) (?:minutes|mins?|seconds)"],
    "resolved": ["(?:is |was |been )?(?:fixed|resolved|sorted)", "thanks for (?:fixing|resolving|sorting)"],
    "everything": ["everything", "all", "the rest", "all services"],
    "my_mistake": ["by mistake", "by accident", "accidentally", "mistakenly", "my (?:fault|bad|mistake)", "our (?:fault|mistake)", "i messed up"],
    "losing_money": [
"orders (?:are )?(?:at )?zero", "(?:bookings|orders|payments|sales) (?:are )?(?:blocked|stuck|not going through)",         "(?:no|not a single|zero) (?:new )?orders? (?:since|today|this morning|coming in|come in|for hours)", "orders? (?:have |has )?stopped (?:coming in|arriving)?", "nobody can (?:pay|check ?out|order|book)", "customers (?:can'?t|cannot) (?:pay|check ?out|order|book)", 
        "(?:losing|lost|lose) ~2 (?:sales|money|orders|customers|bookings|revenue|business|leads|clients)",
        _CANT + " (?:sell|take orders|take payments|check ?out|book|order|work)",
        "(?:business|shop|store|production|everyone|staff) (?:is |are )?(?:stopped|at a standstill|down|halted|blocked)",
        "no (?:orders|sales|bookings) (?:since|today|this morning)", "burning (?:budget|money)",
    ],
    "urgent": ["urgent", "urgently", "asap", "emergency", "immediately", "right now", "critical", "help", "sos", "now"],
    "not_urgent": [
        "not urgent", "no rush", "no hurry", "non-?urgent", "whenever (?:you can|you have time|convenient|possible)",
        "(?:when|whenever) you (?:get a chance|have a moment|have time)", "not a priority", "low priority", "no urgency",
        "nothing urgent", "at your convenience", "in the coming (?:days|weeks)",
    ],
    # situations from the code definitions
    "disk_space": ["disk", "disk space", "storage", "space", "partition", "volume", "inodes"],
    "full": ["(?:almost|nearly|getting|\\d\\d ?%) full", "full", "running out", "low", "filling up"],
    "expiring": ["expir* (?:in|within|on|soon)", "expir* ~1 (?:\\d+|a few|two|three|five|seven) days", "will expire", "about to expire", "(?:is )?expiring"],
    "flapping": [
        "keeps? going down", "came back (?:up )?(?:by itself|on its own|after)", "back up (?:by itself|on its own)",
        "down (?:for )?(?:a (?:couple|few) of|a few|several) (?:minutes|seconds)", "goes down (?:and|then) (?:comes )?(?:back )?up", "down (?:for|only) (?:a |\\d+ ?-? ?\\d* )?(?:minute|minutes|seconds)",
        "intermittent*", "on and off", "flapping", "comes and goes", "(?:up|down) ?/ ?(?:up|down) alerts",
    ],
    "mailbox_full": ["mailbox ~2 (?:full|almost full|nearly full|over quota|quota)", "quota (?:warning|exceeded|reached)", "inbox (?:is )?(?:almost |nearly )?full"],
    "vague_problem": [
        "(?:a |some |small |little |an )?(?:problem|issue|trouble|glitch) (?:with|on) (?:the |our |my )?(?:site|website|shop)",
        "something(?:'s| is) (?:wrong|off|weird|strange) (?:with|on) (?:the |our |my )?(?:site|website|shop)",
        "call me (?:back )?when you (?:can|have a (?:moment|minute))",
    ],
    "nothing_works": ["nothing works", "nothing is working", "everything is broken", "(?:call|ring) me (?:now|asap|immediately|urgently|right away)"],
    "third_party": [
        "microsoft 365", "office 365", "o365", "excel", "outlook calendar", "iphone", "android", "printer", "scanner",
        "personal gmail", "gmail account", "my laptop", "my pc", "my computer", "windows update", "accounting software",
        "quickbooks", "sage", "xero", "zoom", "teams", "whatsapp", "calendar",
    ],
}

CASES: dict[str, list[tuple[str, float]]] = {
    "site_down": [
        ("(?:shows|displays|see|get|getting) (?:only )?(?:a |an )?(?:blank|white|empty|error) (?:page|screen)", 2.6),
        ("(?:layout|design|css) ~2 (?:broken|is broken|messed up|gone)", 1.8),
    ],
    "email_not_working": [
        ("(?:mail|emails?) ~3 (?:stopped|isn'?t|not) ~1 working", 2.6),
    ],
    "hosting_activation": [("(?:another|new|extra|additional) (?:hosting )?space (?:on|for) (?:the )?hosting", 3.0)],
}

CUES: dict[str, list[tuple[str, float]]] = {}
