/**
 * Offers a blob as a file to save: the browser's download (Electron shows its save
 * dialog). Used by the manager's report and HQ's exports.
 */
export function downloadFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download; a moment later it is no longer needed.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}
