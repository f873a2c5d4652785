<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AddSymbolDialog</name>
    <message>
        <source>Add Symbol</source>
        <translation>Ajouter un symbole</translation>
    </message>
    <message>
        <source>&amp;Symbol:</source>
        <translation>&amp;Symbole :</translation>
    </message>
    <message>
        <source>A letter, then up to 9 letters, digits or dots, like BRK.B</source>
        <translation>Une lettre, puis jusqu’à 9 lettres, chiffres ou points, comme BRK.B</translation>
    </message>
    <message>
        <source>&amp;Opening price:</source>
        <translation>Prix d’&amp;ouverture :</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Start or stop the price feed (Ctrl+Space)</source>
        <translation>Démarrer ou arrêter le flux de cours (Ctrl+Espace)</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>&amp;Intervalle :</translation>
    </message>
    <message>
        <source>Time between two price ticks (Ctrl+Up: faster, Ctrl+Down: slower)</source>
        <translation>Temps entre deux cotations (Ctrl+Haut : plus vite, Ctrl+Bas : plus lentement)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>live</source>
        <translation>en direct</translation>
    </message>
    <message>
        <source>On a phone</source>
        <translation>Sur un téléphone</translation>
    </message>
    <message>
        <source>Opens the live page in your browser</source>
        <translation>Ouvre la page en direct dans votre navigateur</translation>
    </message>
    <message>
        <source>This computer has several network addresses: pick the one your phone can reach</source>
        <translation>Cet ordinateur a plusieurs adresses réseau : choisissez celle que votre téléphone peut joindre</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>&amp;Copier l’URL</translation>
    </message>
    <message>
        <source>Copy the page&apos;s address to the clipboard (Ctrl+Shift+C)</source>
        <translation>Copier l’adresse de la page dans le presse-papiers (Ctrl+Maj+C)</translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation>&amp;Partager</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>&amp;Faster</source>
        <translation>Plus &amp;vite</translation>
    </message>
    <message>
        <source>Shorten the time between ticks</source>
        <translation>Raccourcir le temps entre deux cotations</translation>
    </message>
    <message>
        <source>S&amp;lower</source>
        <translation>Plus &amp;lentement</translation>
    </message>
    <message>
        <source>Lengthen the time between ticks</source>
        <translation>Allonger le temps entre deux cotations</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Open in Browser</source>
        <translation>&amp;Ouvrir dans le navigateur</translation>
    </message>
    <message>
        <source>&amp;Export Ticks as CSV…</source>
        <translation>&amp;Exporter les cotations en CSV…</translation>
    </message>
    <message>
        <source>Save every stored tick in a CSV file, for a spreadsheet</source>
        <translation>Enregistrer chaque cotation gardée dans un fichier CSV, pour un tableur</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>F&amp;eed</source>
        <translation>F&amp;lux</translation>
    </message>
    <message>
        <source>&amp;Add Symbol…</source>
        <translation>Ajouter un &amp;symbole…</translation>
    </message>
    <message>
        <source>Add a symbol to the market, with its opening price</source>
        <translation>Ajouter un symbole au marché, avec son prix d’ouverture</translation>
    </message>
    <message>
        <source>Price &amp;Model…</source>
        <translation>&amp;Modèle de prix…</translation>
    </message>
    <message>
        <source>Choose how each tick moves a price</source>
        <translation>Choisir comment chaque cotation fait bouger un prix</translation>
    </message>
    <message>
        <source>S&amp;hock…</source>
        <translation>&amp;Choc…</translation>
    </message>
    <message>
        <source>Move one symbol or all of them by a percentage over the next ticks: a crash, a rally</source>
        <translation>Faire bouger un symbole ou tous d’un pourcentage sur les prochaines cotations : un krach, une envolée</translation>
    </message>
    <message>
        <source>&amp;Replay Prices…</source>
        <translation>&amp;Rejouer des prix…</translation>
    </message>
    <message>
        <source>Play the closes of CSV files from Yahoo Finance or Stooq, or of an export, instead of simulated prices</source>
        <translation>Jouer les clôtures de fichiers CSV de Yahoo Finance ou de Stooq, ou d’un export, au lieu de prix simulés</translation>
    </message>
    <message>
        <source>Replay Prices in a &amp;Loop…</source>
        <translation>Rejouer des prix en &amp;boucle…</translation>
    </message>
    <message>
        <source>Replay the prices of CSV files, again from the start at the end</source>
        <translation>Rejouer les prix de fichiers CSV, en reprenant au début une fois à la fin</translation>
    </message>
    <message>
        <source>&amp;Back to Simulated Prices</source>
        <translation>Revenir aux prix &amp;simulés</translation>
    </message>
    <message>
        <source>End the replay: the market simulates prices again, from the replay&apos;s last ones</source>
        <translation>Terminer la relecture : le marché simule de nouveau les prix, à partir des derniers de la relecture</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>&amp;Go to Prices</source>
        <translation>Aller aux &amp;prix</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the first price card; the arrow keys then move between the cards</source>
        <translation>Place le focus du clavier sur la première carte de cours ; les flèches passent ensuite d’une carte à l’autre</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <source>&amp;Price:</source>
        <translation>&amp;Prix :</translation>
    </message>
</context>
<context>
    <name>PriceModelDialog</name>
    <message>
        <source>Price Model</source>
        <translation>Modèle de prix</translation>
    </message>
    <message>
        <source>&amp;Uniform</source>
        <translation>&amp;Uniforme</translation>
    </message>
    <message>
        <source>Each tick moves one price by a whole number of cents drawn evenly within ± the volatility: quotecast&apos;s classic walk.</source>
        <translation>Chaque cotation fait bouger un prix d’un nombre entier de centimes tiré uniformément dans ± la volatilité : la marche classique de quotecast.</translation>
    </message>
    <message>
        <source>&amp;Geometric Brownian motion</source>
        <translation>Mouvement brownien &amp;géométrique</translation>
    </message>
    <message>
        <source>Each tick multiplies one price by a random factor: the volatility is the standard deviation of its logarithm, the drift the expected growth; moves scale with the price, as in the Black–Scholes model.</source>
        <translation>Chaque cotation multiplie un prix par un facteur aléatoire : la volatilité est l’écart type de son logarithme, la dérive la croissance attendue ; les mouvements sont proportionnels au prix, comme dans le modèle de Black-Scholes.</translation>
    </message>
    <message>
        <source>&amp;Volatility:</source>
        <translation>&amp;Volatilité :</translation>
    </message>
    <message>
        <source>How far one tick moves a price, in percent of the price</source>
        <translation>De combien une cotation fait bouger un prix, en pourcentage du prix</translation>
    </message>
    <message>
        <source>&amp;Drift:</source>
        <translation>&amp;Dérive :</translation>
    </message>
    <message>
        <source>The expected growth of a price per tick, in percent (geometric Brownian motion only)</source>
        <translation>La croissance attendue d’un prix par cotation, en pourcentage (mouvement brownien géométrique seulement)</translation>
    </message>
</context>
<context>
    <name>ShockDialog</name>
    <message>
        <source>Shock</source>
        <translation>Choc</translation>
    </message>
    <message>
        <source>Moves one symbol, or all of them, by a total percentage over the next ticks, the same step each tick: a crash, a rally.</source>
        <translation>Fait bouger un symbole, ou tous, d’un pourcentage total sur les prochaines cotations, du même pas à chaque cotation : un krach, une envolée.</translation>
    </message>
    <message>
        <source>&amp;Symbol:</source>
        <translation>&amp;Symbole :</translation>
    </message>
    <message>
        <source>&amp;Move:</source>
        <translation>&amp;Mouvement :</translation>
    </message>
    <message>
        <source>The whole move, in percent of each price: −10 is a 10 % fall</source>
        <translation>Le mouvement total, en pourcentage de chaque prix : −10 est une baisse de 10 %</translation>
    </message>
    <message>
        <source>Over &amp;ticks:</source>
        <translation>&amp;Durée (cotations) :</translation>
    </message>
    <message>
        <source>How many of the feed&apos;s ticks the move takes</source>
        <translation>Le nombre de cotations du flux que prend le mouvement</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>quotecast: no display found (DISPLAY and WAYLAND_DISPLAY are unset).
Run it without a window instead:  quotecast --headless
</source>
        <translation>quotecast : aucun écran trouvé (DISPLAY et WAYLAND_DISPLAY ne sont pas définies).
Lancez-le plutôt sans fenêtre :  quotecast --headless
</translation>
    </message>
</context>
<context>
    <name>quotecast::AppOptions</name>
    <message>
        <source>--symbols takes SYMBOL=PRICE pairs separated by commas, like AAPL=170,TSLA=240.50 (a symbol is 1 to 10 letters, digits or dots; a price has at most 2 decimals), not &apos;%1&apos;</source>
        <translation>--symbols attend des paires SYMBOLE=PRIX séparées par des virgules, comme AAPL=170,TSLA=240.50 (un symbole fait 1 à 10 lettres, chiffres ou points ; un prix a au plus 2 décimales), et non « %1 »</translation>
    </message>
    <message>
        <source>--symbols: the price of %1 must be above 0 and at most 1000000</source>
        <translation>--symbols : le prix de %1 doit être supérieur à 0 et au plus 1000000</translation>
    </message>
    <message>
        <source>--symbols: %1 appears twice</source>
        <translation>--symbols : %1 apparaît deux fois</translation>
    </message>
    <message>
        <source>--symbols: at most %1 symbols</source>
        <translation>--symbols : %1 symboles au plus</translation>
    </message>
    <message>
        <source>Run the feed and server without a window.</source>
        <translation>Faire tourner le flux et le serveur sans fenêtre.</translation>
    </message>
    <message>
        <source>Address to listen on (default: all interfaces).</source>
        <translation>Adresse d’écoute (par défaut : toutes les interfaces).</translation>
    </message>
    <message>
        <source>Seed for a reproducible feed.</source>
        <translation>Graine pour un flux reproductible.</translation>
    </message>
    <message>
        <source>Symbols and opening prices, e.g. AAPL=170,TSLA=240.50 (default: AAPL, GOOG, MSFT, AMZN).</source>
        <translation>Symboles et prix d’ouverture, p. ex. AAPL=170,TSLA=240.50 (par défaut : AAPL, GOOG, MSFT, AMZN).</translation>
    </message>
    <message>
        <source>Allow pages from this origin (e.g. https://example.org) to read the stream.</source>
        <translation>Autoriser les pages de cette origine (p. ex. https://example.org) à lire le flux.</translation>
    </message>
    <message>
        <source>HTTP port (0 picks a free one).</source>
        <translation>Port HTTP (0 en choisit un libre).</translation>
    </message>
    <message>
        <source>Events kept for resuming with Last-Event-ID.</source>
        <translation>Événements gardés pour la reprise avec Last-Event-ID.</translation>
    </message>
    <message>
        <source>Open streams allowed; more get 503.</source>
        <translation>Flux ouverts autorisés ; au-delà, réponse 503.</translation>
    </message>
    <message>
        <source>Threads that write the event streams (0: one per core but one).</source>
        <translation>Threads qui écrivent les flux d’événements (0 : un par cœur moins un).</translation>
    </message>
    <message>
        <source>Default: %1.</source>
        <translation>Par défaut : %1.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argument inattendu : %1</translation>
    </message>
    <message>
        <source>--bind must be an IP address, not &apos;%1&apos;</source>
        <translation>--bind doit être une adresse IP, et non « %1 »</translation>
    </message>
    <message>
        <source>--seed must be a whole number from 0 to 4294967295, not &apos;%1&apos;</source>
        <translation>--seed doit être un nombre entier de 0 à 4294967295, et non « %1 »</translation>
    </message>
    <message>
        <source>--cors-origin must be an origin like https://example.org, not &apos;%1&apos;</source>
        <translation>--cors-origin doit être une origine comme https://example.org, et non « %1 »</translation>
    </message>
    <message>
        <source>SQLite file that keeps every tick across restarts (default: history.sqlite in the user&apos;s data folder).</source>
        <translation>Fichier SQLite qui garde chaque cotation d’un démarrage à l’autre (par défaut : history.sqlite dans le dossier de données de l’utilisateur).</translation>
    </message>
    <message>
        <source>Keep no tick history on disk.</source>
        <translation>Ne garder aucun historique des cotations sur disque.</translation>
    </message>
    <message>
        <source>Days of ticks the history file keeps.</source>
        <translation>Jours de cotations que garde le fichier d’historique.</translation>
    </message>
    <message>
        <source>--history-file needs a path (or use --in-memory)</source>
        <translation>--history-file attend un chemin (ou utilisez --in-memory)</translation>
    </message>
    <message>
        <source>Also post every event to this nchan publisher endpoint, e.g. http://127.0.0.1:8081/pub/quotes.</source>
        <translation>Publier aussi chaque événement vers ce point de publication nchan, p. ex. http://127.0.0.1:8081/pub/quotes.</translation>
    </message>
    <message>
        <source>Events kept for nchan while it does not answer; past it the oldest are dropped.</source>
        <translation>Événements gardés pour nchan tant qu’il ne répond pas ; au-delà, les plus anciens sont abandonnés.</translation>
    </message>
    <message>
        <source>--publish must be an http(s) URL like http://127.0.0.1:8081/pub/quotes, not &apos;%1&apos;</source>
        <translation>--publish doit être une URL http(s) comme http://127.0.0.1:8081/pub/quotes, et non « %1 »</translation>
    </message>
    <message>
        <source>Start with the feed stopped (Start, or Ctrl+Space, starts it).</source>
        <translation>Démarrer avec le flux arrêté (Démarrer, ou Ctrl+Espace, le lance).</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3, not &apos;%4&apos;</source>
        <translation>%1 doit être un nombre entier de %2 à %3, et non « %4 »</translation>
    </message>
    <message>
        <source>%1 takes a duration like 500ms, 15s or 2min (a bare number is milliseconds), not &apos;%2&apos;</source>
        <translation>%1 attend une durée comme 500ms, 15s ou 2min (un nombre seul est en millisecondes), et non « %2 »</translation>
    </message>
    <message>
        <source>%1 takes a size like 512KiB or 1MiB (a bare number is bytes), not &apos;%2&apos;</source>
        <translation>%1 attend une taille comme 512KiB ou 1MiB (un nombre seul est en octets), et non « %2 »</translation>
    </message>
    <message>
        <source>%1 must be from %2 to %3, not &apos;%4&apos;</source>
        <translation>%1 doit être entre %2 et %3, et non « %4 »</translation>
    </message>
    <message>
        <source>(a bare number is milliseconds: did you mean %1?)</source>
        <translation>(un nombre seul est en millisecondes : vouliez-vous dire %1 ?)</translation>
    </message>
    <message>
        <source>(a bare number is bytes: did you mean %1?)</source>
        <translation>(un nombre seul est en octets : vouliez-vous dire %1 ?)</translation>
    </message>
    <message>
        <source>Live stock quotes in a window and, as Server-Sent Events, on the LAN.

A duration is written like 500ms, 15s, 2min or 1h; a size like 512KiB or 1MiB. A bare number is milliseconds or bytes.</source>
        <translation>Cours de bourse en direct dans une fenêtre et, en Server-Sent Events, sur le réseau local.

Une durée s’écrit comme 500ms, 15s, 2min ou 1h ; une taille comme 512KiB ou 1MiB. Un nombre seul est en millisecondes ou en octets.</translation>
    </message>
    <message>
        <source>Time between ticks.</source>
        <translation>Temps entre deux cotations.</translation>
    </message>
    <message>
        <source>Unsent data after which a slow client is disconnected.</source>
        <translation>Données en attente au-delà desquelles un client lent est déconnecté.</translation>
    </message>
    <message>
        <source>Time between heartbeat events.</source>
        <translation>Temps entre deux événements heartbeat.</translation>
    </message>
    <message>
        <source>Time after which an idle keep-alive connection is closed.</source>
        <translation>Temps au bout duquel une connexion keep-alive inactive est fermée.</translation>
    </message>
    <message>
        <source>Reconnection delay advised to browsers.</source>
        <translation>Délai de reconnexion conseillé aux navigateurs.</translation>
    </message>
    <message>
        <source>Time after which a stream client whose connection makes no progress is disconnected.</source>
        <translation>Temps au bout duquel un client de flux dont la connexion n’avance plus est déconnecté.</translation>
    </message>
    <message>
        <source>Time each request has to arrive, from its first byte.</source>
        <translation>Temps accordé à chaque requête pour arriver, à compter de son premier octet.</translation>
    </message>
    <message>
        <source>--symbols and --replay exclude each other: a replay&apos;s symbols are its files&apos;</source>
        <translation>--symbols et --replay s&apos;excluent : les symboles d&apos;une relecture sont ceux de ses fichiers</translation>
    </message>
</context>
<context>
    <name>quotecast::CsvPriceFile</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, ligne %2 : %3</translation>
    </message>
    <message>
        <source>cannot be opened: %1</source>
        <translation>impossible à ouvrir : %1</translation>
    </message>
    <message>
        <source>the file name does not start with a symbol (a letter, then up to 9 letters, digits or dots): give it as SYMBOL=path, like AAPL=%1</source>
        <translation>le nom du fichier ne commence pas par un symbole (une lettre, puis jusqu’à 9 lettres, chiffres ou points) : donnez-le sous la forme SYMBOLE=chemin, comme AAPL=%1</translation>
    </message>
    <message>
        <source>the line is longer than %1 KiB</source>
        <translation>la ligne dépasse %1 Kio</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>impossible à lire : %1</translation>
    </message>
    <message>
        <source>not a text file (a NUL byte, or bytes that are not UTF-8)</source>
        <translation>ce n’est pas un fichier texte (un octet NUL, ou des octets qui ne sont pas de l’UTF-8)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>the header has no %1 column</source>
        <translation>l’en-tête n’a pas de colonne %1</translation>
    </message>
    <message>
        <source>unknown header %1; the known formats are Yahoo Finance (Date,Open,High,Low,Close,Adj Close,Volume), Stooq (Date,Open,High,Low,Close,Volume) and quotecast&apos;s export (seq,time,symbol,price,change)</source>
        <translation>en-tête inconnu %1 ; les formats connus sont ceux de Yahoo Finance (Date,Open,High,Low,Close,Adj Close,Volume), de Stooq (Date,Open,High,Low,Close,Volume) et l’export de quotecast (seq,time,symbol,price,change)</translation>
    </message>
    <message>
        <source>the file changed since it was checked: it has more rows</source>
        <translation>le fichier a changé depuis sa vérification : il a plus de lignes</translation>
    </message>
    <message>
        <source>no prices of %1</source>
        <translation>aucun cours de %1</translation>
    </message>
    <message>
        <source>no prices after the header</source>
        <translation>aucun cours après l’en-tête</translation>
    </message>
    <message>
        <source>the file changed since it was checked: it has fewer rows</source>
        <translation>le fichier a changé depuis sa vérification : il a moins de lignes</translation>
    </message>
    <message>
        <source>the %1 column is missing</source>
        <translation>la colonne %1 manque</translation>
    </message>
    <message>
        <source>the time column is not a UTC time like 2026-11-30T11:56:30.123Z: %1</source>
        <translation>la colonne time n’est pas une heure UTC comme 2026-11-30T11:56:30.123Z : %1</translation>
    </message>
    <message>
        <source>the Date column is not a date like 2024-01-31: %1</source>
        <translation>la colonne Date n’est pas une date comme 2024-01-31 : %1</translation>
    </message>
    <message>
        <source>the %1 column is not a number: %2</source>
        <translation>la colonne %1 n’est pas un nombre : %2</translation>
    </message>
    <message>
        <source>the %1 column is out of range (0.01 to %2): %3</source>
        <translation>la colonne %1 est hors limites (de 0.01 à %2) : %3</translation>
    </message>
    <message>
        <source>%1 at %2 comes before its row of line %3 at %4: each symbol&apos;s rows must be oldest first</source>
        <translation>%1 à %2 précède sa ligne %3, à %4 : les lignes de chaque symbole doivent aller de la plus ancienne à la plus récente</translation>
    </message>
    <message>
        <source>%1 comes before %2 of line %3: the rows must be oldest first</source>
        <translation>%1 précède le %2 de la ligne %3 : les lignes doivent aller de la plus ancienne à la plus récente</translation>
    </message>
    <message>
        <source>the symbol column is not a symbol: %1</source>
        <translation>la colonne symbol n’est pas un symbole : %1</translation>
    </message>
    <message>
        <source>the file changed since it was checked: %1 was not in it</source>
        <translation>le fichier a changé depuis sa vérification : %1 n’y était pas</translation>
    </message>
    <message>
        <source>more than %1 symbols, the market&apos;s most</source>
        <translation>plus de %1 symboles, le maximum du marché</translation>
    </message>
    <message>
        <source>cannot be read again: %1</source>
        <translation>impossible à relire : %1</translation>
    </message>
    <message>
        <source>the file changed since it was checked: its header differs</source>
        <translation>le fichier a changé depuis sa vérification : son en-tête n’est plus le même</translation>
    </message>
    <message>
        <source>is not a regular file (a pipe or a device): a replay reads its files more than once</source>
        <translation>n&apos;est pas un fichier ordinaire (un tube ou un périphérique) : une relecture lit ses fichiers plus d&apos;une fois</translation>
    </message>
    <message>
        <source>the header has a Time column: intraday prices are not supported, only daily closes</source>
        <translation>l&apos;en-tête a une colonne Time : les prix intrajournaliers ne sont pas pris en charge, seulement les clôtures quotidiennes</translation>
    </message>
</context>
<context>
    <name>quotecast::MainWindow</name>
    <message>
        <source>Copied %1</source>
        <translation>%1 copiée</translation>
    </message>
    <message numerus="yes">
        <source>%n browser(s) connected</source>
        <translation>
            <numerusform>%n navigateur connecté</numerusform>
            <numerusform>%n navigateurs connectés</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>● live</source>
        <translation>● en direct</translation>
    </message>
    <message>
        <source>❚❚ paused</source>
        <translation>❚❚ en pause</translation>
    </message>
    <message>
        <source>quotecast — live</source>
        <translation>quotecast — en direct</translation>
    </message>
    <message>
        <source>quotecast — paused</source>
        <translation>quotecast — en pause</translation>
    </message>
    <message>
        <source>Export Ticks as CSV</source>
        <translation>Exporter les cotations en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>No tick history is kept (--in-memory)</source>
        <translation>Aucun historique des cotations n’est gardé (--in-memory)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n tick(s) to %1</source>
        <translation>
            <numerusform>%n cotation exportée vers %1</numerusform>
            <numerusform>%n cotations exportées vers %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>Impossible d’exporter vers %1 : %2</translation>
    </message>
    <message>
        <source>nchan: relaying</source>
        <translation>nchan : relais actif</translation>
    </message>
    <message>
        <source>nchan: not reachable (%1)</source>
        <translation>nchan : injoignable (%1)</translation>
    </message>
    <message numerus="yes">
        <source>· %n waiting</source>
        <translation>
            <numerusform>· %n en attente</numerusform>
            <numerusform>· %n en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>· %n dropped</source>
        <translation>
            <numerusform>· %n abandonné</numerusform>
            <numerusform>· %n abandonnés</numerusform>
        </translation>
    </message>
    <message>
        <source>Shock under way</source>
        <translation>Choc en cours</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>▶ replay</source>
        <translation>▶ relecture</translation>
    </message>
    <message>
        <source>quotecast — replay of %1, playing</source>
        <translation>quotecast — relecture : %1, en cours</translation>
    </message>
    <message>
        <source>quotecast — replay of %1, paused</source>
        <translation>quotecast — relecture : %1, en pause</translation>
    </message>
    <message>
        <source>Not while replaying recorded prices: File → Back to Simulated Prices first</source>
        <translation>Impossible pendant la relecture de prix enregistrés : d’abord Fichier → Revenir aux prix simulés</translation>
    </message>
    <message>
        <source>Feed live</source>
        <translation>Flux en direct</translation>
    </message>
    <message>
        <source>Feed paused</source>
        <translation>Flux en pause</translation>
    </message>
    <message>
        <source>Replaying recorded prices</source>
        <translation>Relecture de cours enregistrés</translation>
    </message>
    <message>
        <source>Replay paused</source>
        <translation>Relecture en pause</translation>
    </message>
</context>
<context>
    <name>quotecast::MarketOptions</name>
    <message>
        <source>How prices move: uniform (a uniform step within the volatility) or gbm (geometric Brownian motion). Default: uniform.</source>
        <translation>Comment les prix évoluent : uniform (un pas uniforme dans la volatilité) ou gbm (mouvement brownien géométrique). Par défaut : uniform.</translation>
    </message>
    <message>
        <source>Uniform: the largest move of a tick; gbm: the standard deviation of a tick&apos;s log-return, in percent. Default: %1 (uniform), %2 (gbm).</source>
        <translation>uniform : le plus grand mouvement d&apos;un tick ; gbm : l&apos;écart type du rendement logarithmique d&apos;un tick, en pour cent. Par défaut : %1 (uniform), %2 (gbm).</translation>
    </message>
    <message>
        <source>gbm: the mean of a tick&apos;s log-return before the -volatility²/2 correction, in percent. Default: 0.</source>
        <translation>gbm : la moyenne du rendement logarithmique d&apos;un tick avant la correction -volatilité²/2, en pour cent. Par défaut : 0.</translation>
    </message>
    <message>
        <source>Move one symbol or all by PERCENT over TICKS ticks, DELAY after the start: [SYMBOL:]PERCENT/TICKS[@DELAY], e.g. -10/20@30s. May be repeated.</source>
        <translation>Déplace un symbole ou tous de PERCENT sur TICKS ticks, DELAY après le démarrage : [SYMBOLE:]PERCENT/TICKS[@DELAI], p. ex. -10/20@30s. Peut être répété.</translation>
    </message>
    <message>
        <source>--model is uniform or gbm, not &apos;%1&apos;</source>
        <translation>--model vaut uniform ou gbm, pas « %1 »</translation>
    </message>
    <message>
        <source>--%1 takes a percentage from %2 to %3 with at most 4 decimals, not &apos;%4&apos;</source>
        <translation>--%1 attend un pourcentage de %2 à %3 avec au plus 4 décimales, pas « %4 »</translation>
    </message>
    <message>
        <source>--drift applies to --model gbm only</source>
        <translation>--drift ne s&apos;applique qu&apos;à --model gbm</translation>
    </message>
    <message>
        <source>--shock takes [SYMBOL:]PERCENT/TICKS[@DELAY], like -10/20 or AAPL:+25/10@30s (percent from %1 to %2, 1 to %3 ticks, a delay up to 24h), not &apos;%4&apos;</source>
        <translation>--shock attend [SYMBOLE:]PERCENT/TICKS[@DELAI], comme -10/20 ou AAPL:+25/10@30s (pourcentage de %1 à %2, 1 à %3 ticks, un délai d&apos;au plus 24h), pas « %4 »</translation>
    </message>
    <message>
        <source>Play the closes of CSV files (Yahoo Finance, Stooq, quotecast&apos;s export) instead of simulated prices, one a tick; SYMBOL=FILE names a file&apos;s symbol. More files may follow.</source>
        <translation>Rejoue les clôtures de fichiers CSV (Yahoo Finance, Stooq, l&apos;export de quotecast) au lieu de prix simulés, une par tick ; SYMBOLE=FICHIER nomme le symbole d&apos;un fichier. D&apos;autres fichiers peuvent suivre.</translation>
    </message>
    <message>
        <source>Play the --replay files again and again.</source>
        <translation>Rejoue les fichiers de --replay en boucle.</translation>
    </message>
    <message>
        <source>--replay-loop needs files to play: --replay FILE...</source>
        <translation>--replay-loop demande des fichiers à rejouer : --replay FICHIER...</translation>
    </message>
    <message>
        <source>--shock moves simulated prices: it cannot go with --replay</source>
        <translation>--shock déplace des prix simulés : il ne peut pas aller avec --replay</translation>
    </message>
</context>
<context>
    <name>quotecast::MarketSimulator</name>
    <message>
        <source>&apos;%1&apos; is not a symbol: a letter, then up to 9 letters, digits or dots</source>
        <translation>« %1 » n&apos;est pas un symbole : une lettre, puis jusqu&apos;à 9 lettres, chiffres ou points</translation>
    </message>
    <message>
        <source>The market has %1 already</source>
        <translation>Le marché a déjà %1</translation>
    </message>
    <message>
        <source>The market has %1 symbols, the most it can have</source>
        <translation>Le marché a %1 symboles, le maximum possible</translation>
    </message>
    <message>
        <source>The price of %1 must be from 0.01 to 1000000</source>
        <translation>Le prix de %1 doit être compris entre 0,01 et 1000000</translation>
    </message>
    <message>
        <source>The market has no symbol %1</source>
        <translation>Le marché n&apos;a pas de symbole %1</translation>
    </message>
    <message>
        <source>%1 is the market&apos;s last symbol: add another one first</source>
        <translation>%1 est le dernier symbole du marché : ajoutez-en d&apos;abord un autre</translation>
    </message>
    <message>
        <source>A shock moves prices by %1 to %2 percent over 1 to %3 ticks</source>
        <translation>Un choc déplace les prix de %1 à %2 pour cent sur 1 à %3 ticks</translation>
    </message>
    <message>
        <source>The market is replaying recorded prices: go back to simulated prices first</source>
        <translation>Le marché rejoue des prix enregistrés : revenez d&apos;abord aux prix simulés</translation>
    </message>
</context>
<context>
    <name>quotecast::PriceCard</name>
    <message>
        <source>%1 today: open %2 · high %3 · low %4</source>
        <translation>%1 aujourd’hui : ouverture %2 · plus haut %3 · plus bas %4</translation>
    </message>
    <message>
        <source>Set &amp;Price…</source>
        <translation>Fixer le &amp;prix…</translation>
    </message>
    <message>
        <source>&amp;Remove %1</source>
        <translation>&amp;Retirer %1</translation>
    </message>
    <message>
        <source>Not while replaying recorded prices: File → Back to Simulated Prices first</source>
        <translation>Impossible pendant la relecture de prix enregistrés : d’abord Fichier → Revenir aux prix simulés</translation>
    </message>
    <message>
        <source>%1, no price yet</source>
        <translation>%1, pas encore de cours</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 dollars, unchanged</source>
        <translation>
            <numerusform>%1, %2 dollar, inchangé</numerusform>
            <numerusform>%1, %2 dollars, inchangé</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 dollars, up %3, %4 percent</source>
        <translation>
            <numerusform>%1, %2 dollar, en hausse de %3, soit %4 pour cent</numerusform>
            <numerusform>%1, %2 dollars, en hausse de %3, soit %4 pour cent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 dollars, down %3, %4 percent</source>
        <translation>
            <numerusform>%1, %2 dollar, en baisse de %3, soit %4 pour cent</numerusform>
            <numerusform>%1, %2 dollars, en baisse de %3, soit %4 pour cent</numerusform>
        </translation>
    </message>
    <message>
        <source>Recorded price of %1.</source>
        <translation>Cours enregistré du %1.</translation>
    </message>
    <message>
        <source>%1 price</source>
        <translation>Cours de %1</translation>
    </message>
    <message>
        <source>%1 change</source>
        <translation>Variation de %1</translation>
    </message>
    <message>
        <source>%1 price&apos;s date</source>
        <translation>Date du cours de %1</translation>
    </message>
    <message>
        <source>Open %1, high %2, low %3.</source>
        <translation>Ouverture %1, plus haut %2, plus bas %3.</translation>
    </message>
</context>
<context>
    <name>quotecast::PriceDialog</name>
    <message>
        <source>Set Price of %1</source>
        <translation>Fixer le prix de %1</translation>
    </message>
    <message>
        <source>The next tick of %1 is this price, with its change from the last one.</source>
        <translation>La prochaine cotation de %1 sera ce prix, avec sa variation depuis le précédent.</translation>
    </message>
</context>
<context>
    <name>quotecast::PriceReplay</name>
    <message>
        <source>no price file given</source>
        <translation>aucun fichier de cours donné</translation>
    </message>
    <message>
        <source>more than %1 price files</source>
        <translation>plus de %1 fichiers de cours</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a symbol (a letter, then up to 9 letters, digits or dots)</source>
        <translation>%1 : « %2 » n’est pas un symbole (une lettre, puis jusqu’à 9 lettres, chiffres ou points)</translation>
    </message>
    <message>
        <source>%1: no file after the =</source>
        <translation>%1 : aucun fichier après le =</translation>
    </message>
    <message>
        <source>%1: %2 is also given by %3</source>
        <translation>%1 : %2 est aussi donné par %3</translation>
    </message>
    <message>
        <source>more than %1 symbols, the market&apos;s most</source>
        <translation>plus de %1 symboles, le maximum du marché</translation>
    </message>
    <message>
        <source>%1: more than %2 symbols in all, the market&apos;s most</source>
        <translation>%1 : plus de %2 symboles en tout, le maximum du marché</translation>
    </message>
</context>
<context>
    <name>quotecast::QrCodeWidget</name>
    <message>
        <source>QR code</source>
        <translation>Code QR</translation>
    </message>
    <message>
        <source>QR code of %1</source>
        <translation>Code QR de %1</translation>
    </message>
    <message>
        <source>Scan it with a phone&apos;s camera to open %1</source>
        <translation>Scannez-le avec l’appareil photo d’un téléphone pour ouvrir %1</translation>
    </message>
</context>
<context>
    <name>quotecast::ReplayActions</name>
    <message>
        <source>The replay stopped: a file changed or cannot be read any more.</source>
        <translation>La relecture s’est arrêtée : un fichier a changé ou ne peut plus être lu.</translation>
    </message>
    <message>
        <source>Replay Prices in a Loop</source>
        <translation>Rejouer des prix en boucle</translation>
    </message>
    <message>
        <source>Replay Prices</source>
        <translation>Rejouer des prix</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>Fichiers CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <source>These prices cannot be replayed; the market goes on as it was.</source>
        <translation>Ces prix ne peuvent pas être rejoués ; le marché continue comme avant.</translation>
    </message>
    <message>
        <source>Symbol of %1</source>
        <translation>Symbole de %1</translation>
    </message>
    <message>
        <source>The name of %1 does not start with a symbol.
Which symbol are its prices of?</source>
        <translation>Le nom de %1 ne commence pas par un symbole.
De quel symbole sont ses prix ?</translation>
    </message>
</context>
<context>
    <name>quotecast::ShockDialog</name>
    <message>
        <source>All symbols</source>
        <translation>Tous les symboles</translation>
    </message>
</context>
<context>
    <name>quotecast::TickStore</name>
    <message>
        <source>cannot create the folder of %1</source>
        <translation>impossible de créer le dossier de %1</translation>
    </message>
    <message>
        <source>no tick history is kept</source>
        <translation>aucun historique des cotations n’est gardé</translation>
    </message>
    <message>
        <source>%1 is in use by another quotecast (process %2 on %3)</source>
        <translation>%1 est utilisé par un autre quotecast (processus %2 sur %3)</translation>
    </message>
    <message>
        <source>cannot lock %1 (%2.lock)</source>
        <translation>impossible de verrouiller %1 (%2.lock)</translation>
    </message>
    <message>
        <source>not a quotecast tick history (its id is not one quotecast makes)</source>
        <translation>ce n’est pas un historique des cotations de quotecast (son identifiant n’est pas de ceux que crée quotecast)</translation>
    </message>
</context>
</TS>
