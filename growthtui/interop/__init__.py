"""Getting data out of growthtui and into it: json, markdown, csv, ics; json and taskwarrior."""
