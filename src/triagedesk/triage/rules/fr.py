"""French (accents are optional: customers often type "securite", "reseau")."""

from __future__ import annotations

LANGUAGE = "fr"

NEGATIONS = ("pas", "jamais", "aucun", "aucune", "rien", "sans", "ni", "plus aucun", "plus rien")
CONTRASTS = ("mais", "cependant", "pourtant", "toutefois")

_CANT = r"(?:(?:je|on|nous|ils|elles|les clients|personne) )?(?:ne |n')?(?:peux|peut|pouvons|peuvent|arrive|arrivons|arrivent|reussis|reussit|reussissons) (?:plus |pas |toujours pas )+(?:a |à )?"

CONCEPTS: dict[str, list[str]] = {
    "site": [
        "site", "sites", "site web", "site internet", "boutique", "boutique en ligne", "page", "pages", "page d'accueil",
        "accueil", "vitrine", "plateforme", "espace client", "panier",
    ],
    "server": ["serveur", "serveurs", "machine", "instance", "hebergement", "vps", "services"],
    "down": [
"ne r[eé]pond (?:d[eé]j[aà] |toujours |vraiment |)plus",         "en panne", "hors ligne", "hors-ligne", "hors service", "hs", "inaccessible", "injoignable", "indisponible", "tombe",
        "tombé", "plante", "planté", "coupé", "coupe", "coupés", "down", "offline",
        "(?:ne |n')?(?:s'affiche|s'ouvre|charge|répond|repond|marche|fonctionne|s'affichent|chargent|répondent) (?:plus|pas)",
        "plus rien ne (?:s'affiche|marche|fonctionne|charge)", "ne répond plus ni",
    ],
    "stuck": ["mort", "bloque", "bloqué"],
    "broken": [
        "(?:ne |n')?(?:fonctionne|marche|fonctionnent|marchent) (?:plus|pas)", "en erreur", "cassé", "casse", "plante",
        "affiche (?:une |des )?erreurs?", "renvoie (?:une |des )?erreurs?", "a cessé de fonctionner", "bug", "bugge",
    ],
    "unreachable": [
        "inaccessible", "injoignable", "introuvable", "ce site est inaccessible", "impossible d'(?:acceder|accéder|ouvrir|afficher) (?:au |le )?site",
        _CANT + r"(?:acceder|accéder|ouvrir|afficher|charger|voir) (?:au |le |notre |la )?(?:site|boutique|page)",
        "plus rien ne (?:s'affiche|marche|fonctionne)", "(?:tout est|tous nos sites sont|tous nos services sont) (?:en panne|hors ligne|coupés|down)",
    ],
    "blank_page": ["(?:est|reste|devenu) tout blanc", "page blanche", "écran blanc", "page vide", "pages blanches"],
    "slow": [
        "lent", "lente", "lents", "lenteurs?", "ralenti*", "rame", "met (?:des plombes|une éternité|trop de temps|longtemps)",
        "tourne dans le vide", "temps de chargement", "timeout", "mouline",
    ],
    "very_slow": [
        "(?:extrêmement|extremement|très très|tres tres|vraiment très|beaucoup trop|super|horriblement|incroyablement) lente?s?",
        "inutilisable", "tourne dans le vide", "une éternité", "des plombes",
    ],
    "load_seconds": [
        "(?:plus de|environ|presque|jusqu'a|jusqu'à|met|mettent|\\d+ (?:a|à)) (?:\\d\\d+|dix|quinze|vingt|trente) ?(?:s|sec|secondes)",
        "(?:\\d\\d+|dix|quinze|vingt|trente) ?(?:s|sec|secondes) (?:a|à|pour) (?:charger|s'afficher|s'ouvrir)",
    ],
    "error_word": ["erreur", "erreurs", "code", "statut"],
    "hacked": [
        "piraté", "pirate", "piratée", "hacké", "hacké", "compromis", "infecté", "infectée", "attaque de pirates?",
        "attaque informatique", "défiguré", "defigure", "hacked by", "sous attaque",
    ],
    "hw_broken": ["hs", "mort", "morte", "cassé", "en panne", "défaillant", "defaillant", "défaillance", "défectueux", "grillé", "non détecté"],
    "network": ["réseau", "reseau", "connectivité", "connexion", "liaison", "datacenter", "centre de données", "routeur", "bande passante"],
    "gone": [
        "supprimés?", "supprimées?", "disparus?", "disparues?", "perdus?", "perdues?", "effacés?", "effacées?", "vides?",
        "écrasés?", "ecrases", "manquants?", "manquent", "introuvables?", "n'(?:est|sont) plus là", "envolés?",
    ],
    "deleted_by_mistake": [
        "(?:par erreur|par mégarde|par megarde|accidentellement|sans le vouloir) ~2 (?:supprimé|effacé|écrasé|vidé)",
        "(?:supprimé|effacé|écrasé|vidé) ~3 (?:par erreur|par mégarde|par megarde|accidentellement)",
        "(?:supprimé|effacé|écrasé|vidé)",
    ],
    "files": ["fichiers?", "dossiers?", "répertoires?", "images", "photos", "documents", "pièces jointes", "médias"],
    "db_data": [
        "base de données", "base", "bdd", "données", "tables?", "commandes", "produits", "articles", "clients",
        "utilisateurs", "contenus?", "commentaires", "réservations", "factures",
    ],
    "corrupt": ["corrompue?s?", "endommagée?s?", "abîmée?s?", "illisibles?"],
    "data_lost": [
        "(?:perdu|perte|perdre|perdons) ~2 (?:les |nos |des |de |toutes les )?données", "données ~2 (?:perdues|effacées|supprimées|disparues)",
        "perte de données", "tables? ~2 (?:vide|vidée|supprimée|effacée)",
    ],
    "email": ["e-?mails?", "mails?", "courriels?", "messagerie", "boîtes? mail", "boîtes? aux lettres", "boite mail", "messages", "courrier"],
    "mail_failure": [
"(?:aucun|personne|plus personne) (?:\\w+ )?(?:\\w+ )?(?:\\w+ )?ne re[çc]oit (?:plus )?(?:de |des |les |aucun )?(?:e-?mails?|mails?|courriels?|messages)",         _CANT + r"(?:envoyer|recevoir|relever) (?:de |des |les |nos |aucun )?(?:e-?mails?|mails?|courriels?|messages|devis|factures)",
        r"(?:ne |n')?(?:recevons|reçois|recois|reçoit|recoit|recevez|reçoivent|envoyons|envoie) (?:plus|pas) ~2 (?:d')?(?:e-?mails?|mails?|courriels?|messages)",
        "(?:e-?mails?|mails?|courriels?|messages) ~4 (?:ne |n')?(?:partent|arrivent|passent|sortent) (?:plus|pas)",
        "(?:e-?mails?|mails?|courriels?|messages|envois) ~4 (?:reviennent|rejetés|rejetes|bloqués|refusés|rebondissent)",
        "plus aucun (?:e-?mail|mail|courriel|message)", "sans (?:e-?mail|messagerie|mails)",
        "impossible (?:d'|de )(?:envoyer|recevoir) (?:de |des |les |nos |aucun )?(?:e-?mails?|mails?|courriels?|messages)",
        "(?:plus )?personne (?:\\w+ )?(?:\\w+ )?(?:\\w+ )?ne peut (?:plus )?(?:envoyer|recevoir) (?:de |des |les )?(?:e-?mails?|mails?|courriels?|messages)",
        "[eé]chec de l'?envoi", "(?:l'?envoi|la r[eé]ception) (?:des |de )?(?:e-?mails?|mails?|messages) ~3 (?:[eé]choue|a [eé]chou[eé]|ne (?:marche|fonctionne) plus)",
    ],
    "cache": ["cache", "caches", "mise en cache"],
    "stale": [
        "(?:ne |n')?(?:se )?(?:rafraîchit|rafraichit|met à jour|met a jour|vide|actualise) (?:plus|pas)",
        "anciens?", "anciennes?", "périmé", "ancienne version", "vieux contenu",
    ],
    "changes_invisible": [
        "(?:modifications?|changements?|mises? à jour) ~4 (?:ne |n')?(?:s'affichent|apparaissent|sont visibles|se voient) (?:pas|plus)",
        "(?:clients|visiteurs|gens) ~3 (?:voient|voit) ~2 (?:toujours )?(?:les |l')?(?:anciens|anciennes|ancien|ancienne)",
    ],
    "old_version": ["(?:toujours|encore) (?:l'|les |la |le )?(?:ancienne|anciens|anciennes|ancien) (?:version|prix|contenu|page)?"],
    "purge": ["vider", "videz", "purger", "purgez", "nettoyer", "invalider", "rafraîchir", "rafraichir"],
    "restore": ["restaur(?!ant)*", "récupér*", "recuper*", "remettre", "revenir (?:à|a) (?:la version|une version|l'état)", "rétablir", "retablir"],
    "db": ["base de données", "base de donnees", "bdd", "base", "tables?", "données"],
    "backup": ["sauvegardes?", "backups?", "copie de sauvegarde", "copie de (?:la veille|hier)"],
    "staging": [
        "préprod*", "preprod*", "pré-production", "environnement de (?:test|développement|developpement|recette|préproduction|preproduction|staging)",
        "(?:site|serveur|copie|version|instance) de (?:test|développement|developpement|recette|dev)", "recette", "staging",
    ],
    "clone": ["clon*", "copier", "copie", "dupliquer", "synchronis*", "aligner", "mettre à jour", "rafraîchir"],
    "production": ["production", "prod", "site en ligne", "site (?:principal|réel|public|live)", "en ligne"],
    "register": ["enregistrer", "enregistrement", "réserver", "acheter", "achat", "activer", "déposer", "prendre"],
    "domain": ["domaines?", "noms? de domaine"],
    "new": ["nouveaux?", "nouvelles?", "nouvel", "autres?", "supplémentaires?", "second", "seconde", "deuxième"],
    "activate": ["activ*", "ouvrir", "créer", "mettre en place", "configurer", "livrer", "mettre à disposition"],
    "hosting_plan": ["hébergement", "hebergement", "espace (?:d'hébergement|web|d'hebergement)", "offre d'hébergement", "formule", "pack", "mutualisé"],
    "ordered": ["(?:nous avons|j'ai|on a) (?:signé|commandé|acheté|souscrit|payé)", "commande", "contrat"],
    "dedicated": ["serveurs? dédiés?", "serveur dedie", "dédiés?", "dedies?", "bare ?metal"],
    "migrate": ["migr*", "transférer", "transferer", "déplacer", "deplacer", "déménager", "demenager", "basculer", "rapatrier"],
    "from_other_provider": [
        "(?:depuis|de|chez) (?:notre |un |l')?(?:ancien|autre|actuel) (?:hébergeur|hebergeur|prestataire|fournisseur|serveur)",
        "chez vous", "vers vous", "(?:sur |vers )?vos serveurs",
        "ovh", "o2switch", "ionos", "gandi", "hostinger", "lws", "planethoster", "infomaniak", "godaddy",
    ],
    "migration": ["migration", "migrations", "transfert", "déménagement"],
    "create": ["créer", "creer", "créez", "creez", "création", "creation", "ajouter", "ajout", "ouvrir", "activer", "configurer", "mettre en place"],
    "mailbox": [
        "boîtes?(?: mail| e-?mail| aux lettres| de messagerie)?", "boites?(?: mail| e-?mail)?", "adresses? (?:e-?mail|mail|électronique)",
        "comptes? (?:e-?mail|mail|de messagerie)", "messagerie",
    ],
    "point": ["point*", "faire pointer", "rediriger le domaine", "relier", "associer", "pointage"],
    "nameserver": ["serveurs? de noms", "serveurs? dns", "dns", "name ?servers?", "ns[12]?"],
    "change": ["changer", "changez", "changement", "modifier", "modification", "remplacer", "basculer", "mettre", "utiliser"],
    "password": ["mots? de passe", "mdp", "identifiants", "codes? d'accès", "(?<!relay.)accès"],
    "password_lost": [
        "{password} ~3 (?:perdu|oublié|oublie|égaré|expiré|incorrect|refusé|ne fonctionne plus)",
        "(?:perdu|oublié|oublie|égaré|réinitialiser|reinitialiser|récupérer|recuperer|renvoyer|nouveau) ~3 {password}",
    ],
    "locked_out": [
        _CANT + r"(?:me connecter|nous connecter|acceder|accéder|entrer) ~2 (?:à |a |au |dans )?(?:l'|la |le )?(?:administration|admin|back-?office|tableau de bord|wordpress|wp-admin|espace)",
        "accès refusé", "compte bloqué",
    ],
    "install": ["install*", "activ*", "mettre", "mettez", "ajouter", "configurer", "mettre en place", "forcer"],
    "ssl": ["ssl", "https", "certificats?", "cadenas", "connexion sécurisée"],
    "expired": ["expiré", "expire", "expirant", "périmé", "renouvel*", "plus valide"],
    "not_secure": ["non sécurisé", "non securise", "pas sécurisé", "pas securise", "connexion non privée", "dangereux"],
    "subdomain": ["sous-?domaines?", "sous domaines?"],
    "optimise": ["optimis*", "améliorer", "ameliorer", "amélioration", "accélérer", "accelerer", "booster"],
    "performance": ["performances?", "vitesse", "rapidité", "temps de (?:chargement|réponse)"],
    "speed_up": ["accélérer", "accelerer", "rendre (?:le site )?plus rapide", "plus rapide"],
    "reduce": ["réduire", "reduire", "diminuer", "baisser", "rétrograder", "retrograder", "passer à une offre inférieure"],
    "plan": ["offre", "formule", "instance", "serveur", "ressources", "abonnement", "forfait", "plan", "pack", "vps"],
    "smaller": ["plus petite?", "inférieure?", "moins chère?", "moins puissante?", "moins de ressources"],
    "increase": ["augmenter", "augmentation", "ajouter", "doubler", "booster", "plus de"],
    "bigger": ["plus grande?", "supérieure?", "plus puissante?", "plus de ressources"],
    "traffic_peak": [
        "pics? de (?:trafic|visites|fréquentation)", "(?:afflux|hausse|explosion) (?:de |du )?(?:trafic|visiteurs)", "black friday",
        "passage (?:à la )?(?:télé|tv)", "émission", "reportage", "énorme pic", "campagne (?:tv|télé)",
    ],
    "url_structure": ["structure des (?:permaliens|url|liens|adresses)", "urls? (?:propres|lisibles)"],
    "own_storage": [
        "(?:notre|nos|mon|ma|mes) (?:propre )?(?:nas|serveur|stockage|bucket|s3|ftp|drive|dropbox|cloud|espace)",
        "au bureau", "en interne", "chez nous", "nos propres",
    ],
    "external": ["externes?", "distants?", "distante", "hors site", "ailleurs"],
    "transfer": ["transférer", "transferer", "transfert", "déplacer", "migrer", "partir"],
    "elsewhere": ["autre (?:registraire|registrar|bureau d'enregistrement|hébergeur|prestataire)", "nouveau (?:registraire|registrar)", "ailleurs"],
    "authority": [
        "autorité judiciaire", "police", "gendarmerie", "procureur", "parquet", "tribunal", "juge", "réquisition", "requisition",
        "judiciaire", "plainte", "enquête", "enquete", "avocat", "huissier", "commission rogatoire", "infraction", "délit",
    ],
    "report": ["rapport (?:technique|d'expertise)", "expertise", "rapport", "attestation", "constat"],
    "other_cms": ["joomla", "drupal", "wix", "squarespace", "typo3", "shopify", "jimdo", "webflow", "prestashop", "magento", "site statique"],
    "convert": ["convertir", "passer", "basculer", "refaire"],
    "build": ["créer", "creer", "développer", "developper", "réaliser", "realiser", "concevoir", "faire", "coder", "refaire"],
    "theme": ["thèmes?", "themes?", "modèles?", "gabarits?", "templates?", "maquette"],
    "redesign": ["refonte", "nouveau design", "relooking", "moderniser le site"],
    "plugin": ["plugins?", "extensions?", "modules?", "fonctionnalités?", "connecteurs?", "intégrations?"],
    "campaign": ["campagnes?", "annonces?", "publicités?"],
    "advertising": ["publicité", "publicitaire", "sponsorisé", "annonces payantes"],
    "update": ["mettre à jour", "mettre a jour", "mise à jour", "mise a jour", "mises à jour", "maj", "upgrade", "nouvelle version"],
    "risky_plugin": ["elementor", "wpml", "divi", "visual composer", "wpbakery", "revolution slider", "yoast", "jetpack", "avada", "acf"],
    "code": ["code", "requêtes", "requetes", "requête", "scripts?"],
    "seo_words": ["référencement", "referencement", "positionnement", "moteurs de recherche", "classement google", "mots-clés", "trafic organique"],
    "write": ["rédiger", "rediger", "rédaction", "redaction", "écrire", "ecrire", "tradui*", "traduction"],
    "texts": ["textes?", "articles?", "contenus?", "fiches produits?", "descriptions?", "newsletter"],
    "manage": ["gérer", "gerer", "gestion", "animer", "animation", "publier"],
    "photo_shoot": ["photographe", "séance photo", "shooting", "photos (?:de nos|des) produits", "prises de vue", "photographies"],
    "graphic_design": ["graphisme", "graphiste", "charte graphique", "identité visuelle", "infographie"],
    "not_yet_customer": ["pas encore (?:vos )?clients?", "futur client", "client potentiel", "avant de (?:devenir client|signer|changer)", "second avis"],
    "evaluate": ["évaluer", "evaluer", "évaluation", "analyser", "analyse", "avis", "audit", "regarder"],
    "our_site": ["(?:notre|mon) (?:site|portail|projet|boutique)"],
    "strategy": ["stratégie", "strategie", "plan marketing", "proposition"],
    "works": [
        "fonctionne(?! pas| plus| toujours pas| jamais)", "fonctionnent(?! pas| plus| toujours pas| jamais)", "marche(?! pas| plus| toujours pas| jamais)", "tourne(?! en boucle| dans le vide| à vide| pas| plus)", "(?:fonctionne|marche|tourne) (?:bien|normalement|correctement|parfaitement)",
        "est en ligne", "est accessible", "est revenu", "est de nouveau (?:en ligne|accessible)", "va bien",
    ],
    "back_online": ["(?:est|site) revenu", "(?:est )?de nouveau (?:en ligne|accessible)", "refonctionne", "remarche", "fonctionne à nouveau", "a été (?:coupé|en panne|hors ligne) (?:pendant )?(?:\\d+|quelques) minutes"],
    "resolved": ["(?:est |a été )?(?:résolu|corrigé)", "(?:est|a été|c'est|tout est|problème) réglé", "merci (?:d'avoir|pour avoir) (?:résolu|réglé|corrigé)"],
    "everything": ["tout", "tous les services", "le reste"],
    "my_mistake": ["par erreur", "par mégarde", "par megarde", "accidentellement", "(?:ma|notre) faute", "mauvaise manip*", "fausse manip*"],
    "losing_money": [
"(?:commandes|ventes|r[eé]servations) (?:sont )?[aà] z[eé]ro", "(?:les )?(?:r[eé]servations|commandes|paiements|ventes) sont (?:toutes )?bloqu[eé]es",         "plus aucune (?:commande|r[eé]servation)", "aucune (?:commande|r[eé]servation) depuis", "les (?:commandes|r[eé]servations) n'arrivent plus", "personne ne peut (?:plus )?(?:payer|commander|r[eé]server|s'inscrire)", "personne n'a pu (?:payer|commander|r[eé]server|s'inscrire)", 
        "(?:perdons|perd|perdre|perte de|perdu) ~2 (?:des )?(?:ventes|commandes|clients|argent|chiffre d'affaires|réservations)",
        _CANT + "(?:vendre|commander|passer commande|payer|réserver|travailler)", "impossible de (?:passer commande|commander|payer|réserver)",
        "(?:activité|entreprise|production|boutique) (?:est )?(?:à l'arrêt|arrêtée|bloquée)", "les clients abandonnent",
    ],
    "urgent": ["urgent", "urgente", "urgence", "d'urgence", "au plus vite", "immédiatement", "tout de suite", "critique", "aidez", "svp vite"],
    "not_urgent": [
        "pas urgent", "(?:rien|pas) de (?:très )?urgent", "pas pressé", "rien ne presse", "sans urgence", "aucune urgence",
        "quand vous (?:pourrez|aurez le temps|avez un moment)", "à votre convenance", "pas prioritaire", "non urgent",
    ],
    "disk_space": ["disque", "espace disque", "stockage", "partition", "volume"],
    "full": ["(?:presque |bientôt |quasi )?plein", "saturé", "à \\d\\d ?%", "manque d'espace"],
    "expiring": ["expire (?:dans|le|bientôt)", "expire ~1 (?:\\d+|quelques|deux|trois|cinq) jours", "va expirer", "arrive à expiration", "qui expire", "expiration"],
    "flapping": ["par intermittence", "intermittent*", "de temps en temps", "(?:tombe|coupe) (?:quelques|\\d) (?:secondes|minutes)", "va et vient", "coupures? (?:courtes|brèves)"],
    "mailbox_full": ["boîte (?:mail )?(?:presque |bientôt )?pleine", "quota (?:atteint|dépassé)", "boite pleine"],
    "vague_problem": [
        "(?:un |petit |léger |un petit )?(?:souci|problème|probleme|bug) (?:sur|avec) (?:le |notre |mon )?site",
        "rappeler quand vous (?:avez|aurez) un moment",
    ],
    "nothing_works": ["plus rien ne (?:marche|fonctionne)", "rien ne (?:marche|fonctionne)", "appelez-moi (?:vite|tout de suite|immédiatement)"],
    "third_party": ["microsoft 365", "office 365", "excel", "imprimante", "scanner", "mon ordinateur", "mon pc", "logiciel de (?:compta|comptabilité|facturation)", "iphone", "gmail personnel"],
}

CASES: dict[str, list[tuple[str, float]]] = {
    "network_outage": [("(?:panne|coupure|incident) (?:de |du )?r[eé]seau", 3.0)],
    "site_down": [
        ("erreur (?:lors de la|de) connexion (?:à|a) la base de données", 3.5),
        ("le site est cassé", 2.6),
    ],
}

CUES: dict[str, list[tuple[str, float]]] = {}
