# manpage.cmake — writes dossier(1) from the help texts of the built CLI.
#
#   cmake -DDOSSIER=path/to/dossier -DOUT=dossier.1 -DVERSION=x.y.z -P manpage.cmake
#
# `dossier --help` gives the synopsis, the description, the global options
# and the list of commands; `dossier COMMAND --help` gives each command's
# section.  Help texts are plain text: lines are escaped for roff and kept
# as they are (.nf), so the page reads like the help the binary prints.

# Runs `dossier ARGS...` and puts its standard output in VAR.
function(help_of var)
  execute_process(COMMAND ${DOSSIER} ${ARGN} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dossier ${ARGN} failed (${rc})")
  endif()
  set(${var} "${out}" PARENT_SCOPE)
endfunction()

# Escapes text for roff: backslashes, and a leading dot or quote.
function(roff var text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${var} "${text}" PARENT_SCOPE)
endfunction()

help_of(top --help)
string(REGEX MATCH "Commands:\n(.*)\n\n" _ "${top}")
string(REGEX MATCHALL "\n  [a-z][a-z-]*" cmds "\n${CMAKE_MATCH_1}")

string(TIMESTAMP year "%Y")
roff(top_roff "${top}")
set(page ".TH DOSSIER 1 \"\" \"dossier ${VERSION}\" \"User Commands\"\n")
string(APPEND page ".SH NAME\ndossier \\- news articles into an SQLite knowledge base of who said what\n")
string(APPEND page ".SH SYNOPSIS\n.nf\n${top_roff}.fi\n")
string(APPEND page ".SH COMMANDS\n")
foreach(c IN LISTS cmds)
  string(STRIP "${c}" c)
  help_of(h ${c} --help)
  roff(h "${h}")
  string(APPEND page ".SS ${c}\n.nf\n${h}.fi\n")
endforeach()
string(APPEND page ".SH ENVIRONMENT\n.TP\n.B DOSSIER_DB\nthe database when --db is not given (else ./dossier.db)\n"
       ".TP\n.B NO_COLOR\nwhen set, tables are never coloured\n")
string(APPEND page ".SH EXIT STATUS\n0 ok, 1 error, 2 usage.\n")
string(APPEND page ".SH SEE ALSO\n.BR sqlite3 (1)\n")
file(WRITE ${OUT} "${page}")
