package msg

import (
	"errors"
	"io/fs"
	"strings"
)

// Error is an error a user reads (a usage error, a file that cannot be
// opened): a catalogue message, and the error it wraps, if any, after a
// colon. Error() is English; ErrorIn renders it in the report's language.
type Error struct {
	Msg Message
	Err error
	// Class is a sentinel the error counts as (errors.Is), such as
	// ingest.ErrUnreadable, without its text being part of the message.
	Class error
}

// Errorf builds an Error from a key and its arguments.
func Errorf(k Key, args ...Arg) *Error { return &Error{Msg: New(k, args...)} }

// Wrap builds an Error that names the error it wraps.
func Wrap(err error, k Key, args ...Arg) *Error { return &Error{Msg: New(k, args...), Err: err} }

func (e *Error) Error() string { return e.In(EN) }

// Unwrap returns the wrapped error.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is the error's class.
func (e *Error) Is(target error) bool { return e.Class != nil && target == e.Class }

// In renders the error in a language: the message, then the wrapped
// error in the same language where it is one of the catalogue's.
func (e *Error) In(lang string) string {
	s := e.Msg.In(lang)
	if e.Err != nil {
		s += ": " + ErrorIn(e.Err, lang)
	}
	return s
}

// ErrorIn renders any error in a language: the catalogue's errors inside
// it are translated, and so is the reason a file could not be opened (it
// does not exist, permission denied); other text (a wrapping prefix, an
// operating system's own words) stays as it is.
func ErrorIn(err error, lang string) string {
	full := err.Error()
	if lang == EN {
		return full
	}
	var e *Error
	if errors.As(err, &e) && strings.HasSuffix(full, e.Error()) {
		return strings.TrimSuffix(full, e.Error()) + e.In(lang)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && strings.HasSuffix(full, pe.Error()) {
		var why Message
		switch {
		case errors.Is(pe.Err, fs.ErrNotExist):
			why = New(ErrNotExist, Text(pe.Path))
		case errors.Is(pe.Err, fs.ErrPermission):
			why = New(ErrPermission, Text(pe.Path))
		default:
			return full
		}
		return strings.TrimSuffix(full, pe.Error()) + why.In(lang)
	}
	return full
}
