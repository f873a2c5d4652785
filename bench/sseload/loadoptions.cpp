#include "loadoptions.h"

#include <cstdio>
#include <cstdlib>

namespace sseload {

namespace {

[[noreturn]] void usage(const char *error)
{
    std::fprintf(stderr,
                 "sseload: %s\n"
                 "usage: sseload --url http://127.0.0.1:PORT/PATH [--clients N] [--ramp-ms MS]\n"
                 "               [--settle-ms MS] [--duration S] [--server-pid PID] [--json FILE]\n"
                 "               [--reconnect] [--whole-run]\n"
                 "Only 127.0.0.1 is accepted as a target.\n",
                 error);
    std::exit(2);
}

} // namespace

Options parseOptions(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--reconnect") {
            options.reconnect = true;
            continue;
        }
        if (arg == "--whole-run") {
            options.wholeRun = true;
            continue;
        }
        if (i + 1 >= argc)
            usage(("missing value for " + arg).c_str());
        const std::string value = argv[++i];
        const auto number = [&] {
            char *end = nullptr;
            const long n = std::strtol(value.c_str(), &end, 10);
            if (*end || n < 0)
                usage((arg + " needs a whole number").c_str());
            return int(n);
        };
        if (arg == "--url") {
            const std::string prefix = "http://127.0.0.1:";
            if (value.rfind(prefix, 0) != 0)
                usage("the URL must start with http://127.0.0.1:");
            const std::string rest = value.substr(prefix.size());
            const size_t slash = rest.find('/');
            options.port = std::atoi(rest.substr(0, slash).c_str());
            options.path = slash == std::string::npos ? "/" : rest.substr(slash);
        } else if (arg == "--clients") {
            options.clients = number();
        } else if (arg == "--ramp-ms") {
            options.rampMs = number();
        } else if (arg == "--settle-ms") {
            options.settleMs = number();
        } else if (arg == "--duration") {
            options.durationS = number();
        } else if (arg == "--server-pid") {
            options.serverPid = number();
        } else if (arg == "--json") {
            options.json = value;
        } else {
            usage(("unknown option " + arg).c_str());
        }
    }
    if (options.port <= 0 || options.clients <= 0)
        usage("need a port and at least one client");
    return options;
}

} // namespace sseload
