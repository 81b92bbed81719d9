//go:build !linux

package main

// fitAddressSpace: address-space limits are a Linux matter here.
func fitAddressSpace() {}
