# bash completion for dossier — installed as
# share/bash-completion/completions/dossier.
#
# Commands and options are read from the binary's own help texts
# (`dossier --help`, `dossier COMMAND --help`), so they never fall behind.

_dossier()
{
    local cur prev words cword
    _init_completion 2>/dev/null || {
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    }
    local bin=${words[0]} cmd= i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
        --db | --lexicon | --gazetteer | --queries) ((i++)) ;;
        -*) ;;
        *) cmd=${words[i]}; break ;;
        esac
    done

    case $prev in
    --db | --lexicon | --gazetteer | --queries | --max-bytes | --dir)
        COMPREPLY=($(compgen -f -- "$cur"))
        return ;;
    --format)
        COMPREPLY=($(compgen -W "table json csv tsv jsonl" -- "$cur"))
        return ;;
    --kind)
        COMPREPLY=($(compgen -W "person organization program place direct indirect" -- "$cur"))
        return ;;
    esac

    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--db --lexicon --gazetteer --queries --help --version" -- "$cur"))
        else
            local cmds
            cmds=$("$bin" --help 2>/dev/null | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
            COMPREPLY=($(compgen -W "$cmds help" -- "$cur"))
        fi
        return
    fi
    if [[ $cur == -* ]]; then
        local opts
        opts=$("$bin" "$cmd" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u)
        COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
    elif [[ $cmd == ingest || $cmd == help ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -F _dossier dossier
