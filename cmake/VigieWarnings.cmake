# Warnings for every Vigie target: call vigie_target_warnings(target).
function(vigie_target_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                         -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast)
  if(VIGIE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
