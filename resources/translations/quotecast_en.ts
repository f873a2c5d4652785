<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AddSymbolDialog</name>
    <message>
        <source>Add Symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Symbol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A letter, then up to 9 letters, digits or dots, like BRK.B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Opening price:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or stop the price feed (Ctrl+Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time between two price ticks (Ctrl+Up: faster, Ctrl+Down: slower)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the live page in your browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has several network addresses: pick the one your phone can reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the page&apos;s address to the clipboard (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorten the time between ticks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;lower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lengthen the time between ticks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open in Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Ticks as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every stored tick in a CSV file, for a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;eed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Symbol…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a symbol to the market, with its opening price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price &amp;Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how each tick moves a price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;hock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move one symbol or all of them by a percentage over the next ticks: a crash, a rally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replay Prices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the closes of CSV files from Yahoo Finance or Stooq, or of an export, instead of simulated prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay Prices in a &amp;Loop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay the prices of CSV files, again from the start at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to Simulated Prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the replay: the market simulates prices again, from the replay&apos;s last ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to Prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the keyboard focus to the first price card; the arrow keys then move between the cards</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <source>&amp;Price:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriceModelDialog</name>
    <message>
        <source>Price Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Uniform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each tick moves one price by a whole number of cents drawn evenly within ± the volatility: quotecast&apos;s classic walk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Geometric Brownian motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each tick multiplies one price by a random factor: the volatility is the standard deviation of its logarithm, the drift the expected growth; moves scale with the price, as in the Black–Scholes model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Volatility:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far one tick moves a price, in percent of the price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drift:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expected growth of a price per tick, in percent (geometric Brownian motion only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShockDialog</name>
    <message>
        <source>Shock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves one symbol, or all of them, by a total percentage over the next ticks, the same step each tick: a crash, a rally.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Symbol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole move, in percent of each price: −10 is a 10 % fall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over &amp;ticks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of the feed&apos;s ticks the move takes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>quotecast: no display found (DISPLAY and WAYLAND_DISPLAY are unset).
Run it without a window instead:  quotecast --headless
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quotecast::AppOptions</name>
    <message>
        <source>--symbols takes SYMBOL=PRICE pairs separated by commas, like AAPL=170,TSLA=240.50 (a symbol is 1 to 10 letters, digits or dots; a price has at most 2 decimals), not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--symbols: the price of %1 must be above 0 and at most 1000000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--symbols: %1 appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--symbols: at most %1 symbols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the feed and server without a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address to listen on (default: all interfaces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed for a reproducible feed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbols and opening prices, e.g. AAPL=170,TSLA=240.50 (default: AAPL, GOOG, MSFT, AMZN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow pages from this origin (e.g. https://example.org) to read the stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP port (0 picks a free one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events kept for resuming with Last-Event-ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open streams allowed; more get 503.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads that write the event streams (0: one per core but one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--bind must be an IP address, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed must be a whole number from 0 to 4294967295, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--cors-origin must be an origin like https://example.org, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite file that keeps every tick across restarts (default: history.sqlite in the user&apos;s data folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep no tick history on disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days of ticks the history file keeps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--history-file needs a path (or use --in-memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also post every event to this nchan publisher endpoint, e.g. http://127.0.0.1:8081/pub/quotes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events kept for nchan while it does not answer; past it the oldest are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--publish must be an http(s) URL like http://127.0.0.1:8081/pub/quotes, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with the feed stopped (Start, or Ctrl+Space, starts it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3, not &apos;%4&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes a duration like 500ms, 15s or 2min (a bare number is milliseconds), not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes a size like 512KiB or 1MiB (a bare number is bytes), not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be from %2 to %3, not &apos;%4&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(a bare number is milliseconds: did you mean %1?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(a bare number is bytes: did you mean %1?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live stock quotes in a window and, as Server-Sent Events, on the LAN.

A duration is written like 500ms, 15s, 2min or 1h; a size like 512KiB or 1MiB. A bare number is milliseconds or bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time between ticks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsent data after which a slow client is disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time between heartbeat events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time after which an idle keep-alive connection is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnection delay advised to browsers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time after which a stream client whose connection makes no progress is disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time each request has to arrive, from its first byte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--symbols and --replay exclude each other: a replay&apos;s symbols are its files&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quotecast::CsvPriceFile</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file name does not start with a symbol (a letter, then up to 9 letters, digits or dots): give it as SYMBOL=path, like AAPL=%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line is longer than %1 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a text file (a NUL byte, or bytes that are not UTF-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header has no %1 column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown header %1; the known formats are Yahoo Finance (Date,Open,High,Low,Close,Adj Close,Volume), Stooq (Date,Open,High,Low,Close,Volume) and quotecast&apos;s export (seq,time,symbol,price,change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file changed since it was checked: it has more rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no prices of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no prices after the header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file changed since it was checked: it has fewer rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 column is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time column is not a UTC time like 2026-11-30T11:56:30.123Z: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Date column is not a date like 2024-01-31: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 column is not a number: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 column is out of range (0.01 to %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2 comes before its row of line %3 at %4: each symbol&apos;s rows must be oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 comes before %2 of line %3: the rows must be oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the symbol column is not a symbol: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file changed since it was checked: %1 was not in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 symbols, the market&apos;s most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file changed since it was checked: its header differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a regular file (a pipe or a device): a replay reads its files more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header has a Time column: intraday prices are not supported, only daily closes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quotecast::MainWindow</name>
    <message numerus="yes">
        <source>%n browser(s) connected</source>
        <translation>
            <numerusform>%n browser connected</numerusform>
            <numerusform>%n browsers connected</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>❚❚ paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quotecast — live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quotecast — paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Ticks as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tick history is kept (--in-memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n tick(s) to %1</source>
        <translation>
            <numerusform>Exported %n tick to %1</numerusform>
            <numerusform>Exported %n ticks to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nchan: relaying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nchan: not reachable (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>· %n waiting</source>
        <translation>
            <numerusform>· %n waiting</numerusform>
            <numerusform>· %n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>· %n dropped</source>
        <translation>
            <numerusform>· %n dropped</numerusform>
            <numerusform>· %n dropped</numerusform>
        </translation>
    </message>
    <message>
        <source>Shock under way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quotecast — replay of %1, playing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quotecast — replay of %1, paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not while replaying recorded prices: File → Back to Simulated Prices first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying recorded prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay paused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quotecast::MarketOptions</name>
    <message>
        <source>How prices move: uniform (a uniform step within the volatility) or gbm (geometric Brownian motion). Default: uniform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uniform: the largest move of a tick; gbm: the standard deviation of a tick&apos;s log-return, in percent. Default: %1 (uniform), %2 (gbm).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gbm: the mean of a tick&apos;s log-return before the -volatility²/2 correction, in percent. Default: 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move one symbol or all by PERCENT over TICKS ticks, DELAY after the start: [SYMBOL:]PERCENT/TICKS[@DELAY], e.g. -10/20@30s. May be repeated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--model is uniform or gbm, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 takes a percentage from %2 to %3 with at most 4 decimals, not &apos;%4&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--drift applies to --model gbm only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--shock takes [SYMBOL:]PERCENT/TICKS[@DELAY], like -10/20 or AAPL:+25/10@30s (percent from %1 to %2, 1 to %3 ticks, a delay up to 24h), not &apos;%4&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the closes of CSV files (Yahoo Finance, Stooq, quotecast&apos;s export) instead of simulated prices, one a tick; SYMBOL=FILE names a file&apos;s symbol. More files may follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the --replay files again and again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--replay-loop needs files to play: --replay FILE...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--shock moves simulated prices: it cannot go with --replay</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quotecast::MarketSimulator</name>
    <message>
        <source>&apos;%1&apos; is not a symbol: a letter, then up to 9 letters, digits or dots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The market has %1 already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The market has %1 symbols, the most it can have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price of %1 must be from 0.01 to 1000000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The market has no symbol %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the market&apos;s last symbol: add another one first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shock moves prices by %1 to %2 percent over 1 to %3 ticks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The market is replaying recorded prices: go back to simulated prices first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quotecast::PriceCard</name>
    <message>
        <source>%1 today: open %2 · high %3 · low %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;Price…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not while replaying recorded prices: File → Back to Simulated Prices first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, no price yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 dollars, unchanged</source>
        <translation>
            <numerusform>%1, %2 dollars, unchanged</numerusform>
            <numerusform>%1, %2 dollars, unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 dollars, up %3, %4 percent</source>
        <translation>
            <numerusform>%1, %2 dollars, up %3, %4 percent</numerusform>
            <numerusform>%1, %2 dollars, up %3, %4 percent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 dollars, down %3, %4 percent</source>
        <translation>
            <numerusform>%1, %2 dollars, down %3, %4 percent</numerusform>
            <numerusform>%1, %2 dollars, down %3, %4 percent</numerusform>
        </translation>
    </message>
    <message>
        <source>Recorded price of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 price&apos;s date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1, high %2, low %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quotecast::PriceDialog</name>
    <message>
        <source>Set Price of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next tick of %1 is this price, with its change from the last one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quotecast::PriceReplay</name>
    <message>
        <source>no price file given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 price files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a symbol (a letter, then up to 9 letters, digits or dots)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no file after the =</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is also given by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 symbols, the market&apos;s most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: more than %2 symbols in all, the market&apos;s most</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quotecast::QrCodeWidget</name>
    <message>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan it with a phone&apos;s camera to open %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quotecast::ReplayActions</name>
    <message>
        <source>The replay stopped: a file changed or cannot be read any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay Prices in a Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay Prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These prices cannot be replayed; the market goes on as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbol of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of %1 does not start with a symbol.
Which symbol are its prices of?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quotecast::ShockDialog</name>
    <message>
        <source>All symbols</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quotecast::TickStore</name>
    <message>
        <source>cannot create the folder of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tick history is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in use by another quotecast (process %2 on %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot lock %1 (%2.lock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a quotecast tick history (its id is not one quotecast makes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
