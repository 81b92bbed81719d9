package ident

import (
	"errors"

	"github.com/crosscheck/crosscheck/msg"
)

// msgError is a validation error carrying its catalogue message, so that
// the issue it becomes reads in the report's language.
type msgError struct{ m msg.Message }

func (e *msgError) Error() string { return e.m.String() }

func errMsg(k msg.Key, args ...msg.Arg) error { return &msgError{msg.New(k, args...)} }

// Message returns the catalogue message of a validation error; an error
// without one is shown as its text.
func Message(err error) msg.Message {
	var me *msgError
	if errors.As(err, &me) {
		return me.m
	}
	return msg.New(msg.Detail, msg.Text(err.Error()))
}

// char is a character of a code as a message argument.
func char(c byte) msg.Arg { return msg.Text(string(rune(c))) }
