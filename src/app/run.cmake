# `cmake --build --preset run`: launches quotecast, headless where an X11/Wayland system has
# no display (as over ssh). A CMake script rather than sh, so that it runs anywhere.
if(CMAKE_HOST_UNIX AND NOT CMAKE_HOST_APPLE
   AND "$ENV{DISPLAY}$ENV{WAYLAND_DISPLAY}$ENV{QT_QPA_PLATFORM}" STREQUAL "")
    set(arguments --headless)
endif()
execute_process(COMMAND "${QUOTECAST}" ${arguments} COMMAND_ERROR_IS_FATAL ANY)
