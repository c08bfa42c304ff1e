# bash completion for narrateur(1): options, voice presets (from
# `narrateur --list-voices`), audio devices (`--list-devices`) and the
# files each option takes. Uses bash-completion's _init_completion when it
# is loaded, plain bash otherwise.

_narrateur_options() {
    # The options, as --help lists them: the program is the reference.
    "${1:-narrateur}" --help 2>/dev/null |
        grep -oE -- '(^|[ ,])--?[a-zA-Z][a-zA-Z-]*' | tr -d ' ,' | sort -u
}

_narrateur() {
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion -s || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
    fi
    local prog=${COMP_WORDS[0]}

    case $prev in
    -v | --voice)
        COMPREPLY=($(compgen -W "$("$prog" --list-voices 2>/dev/null | cut -f1)" -- "$cur"))
        COMPREPLY+=($(compgen -f -X '!*.ini' -- "$cur") $(compgen -d -- "$cur"))
        return ;;
    -d | --device)
        local IFS=$'\n' # a device's name may hold spaces
        COMPREPLY=($(compgen -W "$("$prog" --list-devices 2>/dev/null |
            sed 's/ (default)$//' | tr '\t' '\n')" -- "$cur"))
        return ;;
    --print)
        COMPREPLY=($(compgen -W 'text phonemes' -- "$cur")); return ;;
    --quotes)
        COMPREPLY=($(compgen -W 'pause spoken voice' -- "$cur")); return ;;
    --input-format)
        COMPREPLY=($(compgen -W 'text markdown html' -- "$cur")); return ;;
    --format)
        COMPREPLY=($(compgen -W 'text markdown html wav flac ogg opus mp3' -- "$cur")); return ;;
    --output-format)
        COMPREPLY=($(compgen -W 'wav flac ogg opus mp3' -- "$cur")); return ;;
    -o | --output)
        COMPREPLY=($(compgen -f -X '!*.@(wav|flac|ogg|opus|mp3)' -- "$cur") $(compgen -d -- "$cur"))
        return ;;
    --transcript)
        COMPREPLY=($(compgen -f -X '!*.@(vtt|srt)' -- "$cur") $(compgen -d -- "$cur")); return ;;
    --chapters)
        COMPREPLY=($(compgen -f -X '!*.json' -- "$cur") $(compgen -d -- "$cur")); return ;;
    --cover)
        COMPREPLY=($(compgen -f -X '!*.@(jpg|jpeg|png|JPG|JPEG|PNG)' -- "$cur") $(compgen -d -- "$cur"))
        return ;;
    --lexicon)
        COMPREPLY=($(compgen -f -X '!*.@(tsv|txt)' -- "$cur") $(compgen -d -- "$cur")); return ;;
    --config)
        COMPREPLY=($(compgen -f -X '!*.conf' -- "$cur") $(compgen -d -- "$cur")); return ;;
    --intro | --outro | --output-dir | --podcast-feed)
        COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -r | --rate | --sample-rate | --bitrate | --quality | --loudness | --artist | --album | \
        --date | --comment | --connect-timeout | --timeout | --max-items | --since | -j | \
        --jobs | --feed-title | --feed-description | --base-url | --feed-image)
        return ;; # a value to type
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_narrateur_options "$prog")" -- "$cur"))
        return
    fi
    # Articles: text, Markdown, web pages.
    COMPREPLY=($(compgen -f -X '!*.@(txt|text|md|markdown|html|htm|xhtml)' -- "$cur")
        $(compgen -d -- "$cur"))
}
shopt -s extglob
complete -o filenames -F _narrateur narrateur
