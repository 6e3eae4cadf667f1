/** Comma-separated input files of the command-line tools, read with line numbers for every error. */
package dev.siyu.examples.csv;
