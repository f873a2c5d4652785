# Fails when a library's source includes a header of a quotecast library that it neither
# links nor gets passed on PUBLIC: the layers of src/CMakeLists.txt, enforced.
# Usage: cmake -DLAYERING=<build>/layering.cmake -DSOURCE_DIR=<src> -P layering.cmake
cmake_minimum_required(VERSION 3.25)
include(${LAYERING})

foreach(library IN LISTS QUOTECAST_LIBRARIES)
    foreach(source IN LISTS ${library}_SOURCES)
        if(source MATCHES "\\.h$")
            file(RELATIVE_PATH header ${SOURCE_DIR} ${source})
            set(owner_of_${header} ${library})
        endif()
    endforeach()
endforeach()

set(violations "")
set(checked 0)
foreach(library IN LISTS QUOTECAST_LIBRARIES)
    foreach(source IN LISTS ${library}_SOURCES)
        if(NOT EXISTS ${source})
            continue() # generated
        endif()
        math(EXPR checked "${checked} + 1")
        file(STRINGS ${source} includes REGEX "^#include <[a-z/_]+\\.h>")
        foreach(line IN LISTS includes)
            string(REGEX REPLACE "^#include <([a-z/_]+\\.h)>.*" "\\1" header "${line}")
            set(owner ${owner_of_${header}})
            if(owner AND NOT owner IN_LIST ${library}_INCLUDABLE)
                file(RELATIVE_PATH where ${SOURCE_DIR} ${source})
                string(APPEND violations "  src/${where} (${library}) includes <${header}>"
                                         " of ${owner}, which ${library} does not link\n")
            endif()
        endforeach()
    endforeach()
endforeach()

if(checked EQUAL 0)
    message(FATAL_ERROR "no sources found in ${LAYERING}")
endif()
if(violations)
    message(FATAL_ERROR "includes across the layers:\n${violations}")
endif()
message(STATUS "${checked} sources include only the layers they link")
