# avenir_embed(target output files): compiles a list of files into a C++ table
#   namespace avenir::embedded { struct File { const char* path; std::string_view data; }; }
# Paths are relative to src/. Regenerated whenever one of the files changes.
function(avenir_embed target output files)
  string(REPLACE ";" "|" joined "${files}")
  add_custom_command(OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DFILES=${joined} -DROOT=${CMAKE_SOURCE_DIR}/src -DSYMBOL=${target}
            -P ${CMAKE_SOURCE_DIR}/cmake/embed_script.cmake
    DEPENDS ${files} ${CMAKE_SOURCE_DIR}/cmake/embed_script.cmake
    COMMENT "embedding ${target}" VERBATIM)
endfunction()
