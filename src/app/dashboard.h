#pragma once

#include <memory>

namespace quotecast {

class FeedPipeline;
class MainWindow;
class Preferences;

// The window on a FeedPipeline's pieces: its cards filled with the stored history, its status
// bar following the browsers and nchan, the CSV export given to the tick history when one
// is kept, and File → Replay Prices… given to FeedPipeline::startReplay (a refusal goes back to
// the window, which asks for the symbol of a file whose name gives none). Apart from FeedPipeline, which must not depend on widgets: this is the small
// library (quotecast_dashboard) that the app, the benchmark and the screenshot tool link.
// The caller shows it, and sets the server's URLs to offer. `preferences` (none: the
// application's settings) and `pipeline` must outlive the window.
std::unique_ptr<MainWindow> createDashboard(FeedPipeline &pipeline,
                                            Preferences *preferences = nullptr);

} // namespace quotecast
