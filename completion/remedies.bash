# SPDX-License-Identifier: MIT
# bash completion for remedies(1): commands, options, the guide's language
# codes (from `remedies --help`) and the trainer scenarios' names (from
# `remedies scenarios`).
_remedies()
{
	local cur prev words cword
	_init_completion || return

	case $prev in
	-g | --guide | -a | --answers | -o | --output)
		_filedir
		return
		;;
	--desk-folder)
		_filedir -d
		return
		;;
	--idle)
		COMPREPLY=($(compgen -W "60 5m 10m 30m" -- "$cur"))
		return
		;;
	-l | --lang)
		local langs
		langs=$("$1" --help 2>/dev/null | sed -n 's/.*--lang CODE.*(\(.*\)).*/\1/p' | tr -d ',')
		COMPREPLY=($(compgen -W "$langs" -- "$cur"))
		return
		;;
	-f | --format)
		COMPREPLY=($(compgen -W "txt md html" -- "$cur"))
		return
		;;
	--scenario)
		local names
		names=$("$1" scenarios 2>/dev/null | sed -n 's/^\([0-9][0-9]-[^ ]*\).*/\1/p')
		COMPREPLY=($(compgen -W "$names ${names//[0-9][0-9]-/}" -- "$cur"))
		[[ ${#COMPREPLY[@]} -eq 0 ]] && _filedir yaml
		return
		;;
	--section)
		return
		;;
	esac

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W '--guide --lang --plain --answers --scenario
			--strict --check --format --output --force --include-answers
			--section --walk --stamp --case
			--volunteer --desk --idle --desk-folder
			--help --version' -- "$cur"))
		return
	fi

	local i cmd=
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		check | paths | scenarios | coverage | report | dot | help | po | deadline) cmd=${words[i]}; break ;;
		esac
	done
	case $cmd in
	'') COMPREPLY=($(compgen -W 'check paths scenarios coverage report dot help po deadline' -- "$cur")) ;;
	help) COMPREPLY=($(compgen -W 'check paths scenarios report dot po' -- "$cur")) ;;
	po) COMPREPLY=($(compgen -W 'export import' -- "$cur")); [[ $prev == import ]] && _filedir po ;;
	*) _filedir yaml ;;
	esac
} &&
	complete -F _remedies remedies
