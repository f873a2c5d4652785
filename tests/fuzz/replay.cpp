// Runs files through a fuzz target's LLVMFuzzerTestOneInput, as a test without libFuzzer:
// `replay <file or folder>...`, each folder's files in name order. A crash or a failed
// check ends it with the file's name last on stderr; no file at all is an error too.
#include "fuzztarget.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char *argv[])
{
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const fs::path path(argv[i]);
        if (fs::is_directory(path)) {
            std::vector<fs::path> inFolder;
            for (const fs::directory_entry &entry : fs::directory_iterator(path)) {
                if (entry.is_regular_file())
                    inFolder.push_back(entry.path());
            }
            std::sort(inFolder.begin(), inFolder.end());
            files.insert(files.end(), inFolder.begin(), inFolder.end());
        } else if (fs::exists(path)) {
            files.push_back(path);
        } // a target without regressions has no folder for them
    }
    for (const fs::path &file : files) {
        std::fprintf(stderr, "%s\n", file.c_str());
        std::ifstream in(file, std::ios::binary);
        const std::vector<char> input((std::istreambuf_iterator<char>(in)),
                                      std::istreambuf_iterator<char>());
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.data()), input.size());
    }
    std::fprintf(stderr, "%zu inputs, no crash\n", files.size());
    return files.empty() ? 1 : 0;
}
