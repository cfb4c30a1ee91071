/**
 * `p`'s outcome, or `'timeout'` when it has not settled within `ms`. The timer is cleared as soon as
 * `p` settles: an uncleared timer keeps its promise, and through `Promise.race` the answer it lost
 * to, alive for the whole `ms`. With a 60 s limit the volume run kept every response, request body
 * and Fastify reply of the last minute (decision 224). The timer never holds the process open.
 */
export async function within<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
    timer.unref();
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}
