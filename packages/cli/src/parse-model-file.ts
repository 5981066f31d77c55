import { DomainError, parseChainModel, type ChainModel } from '@ketenregie/core';

/**
 * Parses the text of a chain model file. A JSON syntax error names the file and the line;
 * a schema or invariant error names the file and each offending field.
 */
export function parseModelFile(text: string, file: string): ChainModel {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    throw new DomainError('validation_failed', `${file} is not valid JSON`, [
      { path: '', message, file, ...(line === undefined ? {} : { line }) },
    ]);
  }
  return parseChainModel(json, file);
}
