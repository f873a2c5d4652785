#pragma once

#include <string>

namespace sseload {

// sseload's command line (see usage in loadoptions.cpp); the target is always 127.0.0.1.
struct Options
{
    int port = 8080;
    std::string path = "/stream";
    int clients = 100;
    int rampMs = 1000;
    int settleMs = 5000; // after the ramp, before measuring: the connection storm's wake
    bool wholeRun = false; // measure from the first connection instead: the storm itself
    int durationS = 10;
    int serverPid = 0;
    bool reconnect = false;
    std::string json;
};

// The options of argv; on an error, prints it with the usage and exits with 2.
Options parseOptions(int argc, char **argv);

} // namespace sseload
