package ingest

import (
	"errors"

	"github.com/crosscheck/crosscheck/msg"
)

// msgError is a value-reading error that carries its catalogue message, so
// that the rejection it causes reads in the report's language.
type msgError struct{ m msg.Message }

func (e *msgError) Error() string { return e.m.String() }

func errMsg(k msg.Key, args ...msg.Arg) error { return &msgError{msg.New(k, args...)} }

// Reasons a cell is not a number, allocated once: they are returned on
// every bad cell of a large file.
var (
	errNotANumber     = errMsg(msg.NotANumber)
	errMisplacedSign  = errMsg(msg.MisplacedSign)
	errTwoSigns       = errMsg(msg.TwoSigns)
	errNoDigits       = errMsg(msg.NoDigits)
	errTwoPoints      = errMsg(msg.TwoDecimalPoints)
	errTwoCommas      = errMsg(msg.TwoDecimalCommas)
	errTooManyDigits  = errMsg(msg.TooManyDigits)
	errThousandsPlace = errMsg(msg.MisplacedThousands)
)

// messageOf returns the catalogue message behind err; an error from
// elsewhere (an I/O error) is shown as it is.
func messageOf(err error) msg.Message {
	var me *msgError
	if errors.As(err, &me) {
		return me.m
	}
	return msg.New(msg.Detail, msg.Text(err.Error()))
}

// rejectMsg is reject with a catalogue message.
func rejectMsg(col int, value string, k msg.Key, args ...msg.Arg) *problem {
	return &problem{col: col, value: value, msg: msg.New(k, args...)}
}

// message is why a sheet has no usable header, for the issue that says
// the sheet was skipped.
func (e *errNoHeader) message() msg.Message {
	return msg.New(msg.NoHeader, msg.Nested(e.reason))
}

// rejectWith rejects a cell with a message built elsewhere (a rate
// file's layout explanation).
func rejectWith(col int, value string, m msg.Message) *problem {
	return &problem{col: col, value: value, msg: m}
}
