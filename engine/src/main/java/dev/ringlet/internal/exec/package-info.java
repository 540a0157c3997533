/** Statement analysis and execution against schema and storage. */
package dev.ringlet.internal.exec;
