import type { z } from 'zod'
import type { LastTest } from '../../shared/schemas/profile'
import { log } from '../logging/log'
import type { ProfileStore } from './store'

export type LastTestValue = z.infer<typeof LastTest>

/**
 * The one way a profile's last test reaches the profiles file. Results are queued and written in
 * batches, one `store.mutate()` (lock, re-read, validate, atomic write, fsync) per batch, so a
 * "test all" of 1,000 profiles writes the file a few dozen times instead of 1,000 times.
 *
 * When a batch is written: as soon as the previous write has finished and a pause has passed
 * (at least `minGapMs`, and at least `gapPerWrite` times as long as the previous write took, so
 * writing takes at most 1 / (1 + gapPerWrite) of the time however large the file is), or at
 * once when `flush()` asks for it (a single test, the end of "test all", close()).
 *
 * What a crash (the process killed at any instant) can lose: exactly the results whose batch had
 * not finished writing: the queued ones and the one batch being written. Every result whose
 * batch write completed is on disk, and the file is always a whole, valid profiles file (each
 * write is atomic). A result is never reported as recorded (its promise, flush()) before that.
 */
export interface LastTestRecorderOptions {
  /** Shortest pause between the end of one write and the start of the next. */
  minGapMs?: number
  /** The pause is also at least this many times the previous write's duration. */
  gapPerWrite?: number
}

interface Batch {
  entries: Map<string, LastTestValue>
  done: Promise<void>
  settle: (error?: unknown) => void
}

export class LastTestRecorder {
  private queued: Batch | null = null
  private writing: Batch | null = null
  private timer: NodeJS.Timeout | null = null
  /** flush() was asked for while a write was under way: the next batch goes without a pause. */
  private urgent = false
  private lastEnd = 0
  private lastCost = 0
  private readonly minGapMs: number
  private readonly gapPerWrite: number

  constructor(
    private readonly store: Pick<ProfileStore, 'mutate'>,
    options: LastTestRecorderOptions = {}
  ) {
    this.minGapMs = options.minGapMs ?? 100
    this.gapPerWrite = options.gapPerWrite ?? 4
  }

  /** Queues a result; the promise settles when it is on disk (or its batch failed to write). */
  record(profileId: string, lastTest: LastTestValue): Promise<void> {
    this.queued ??= newBatch()
    this.queued.entries.set(profileId, lastTest)
    const { done } = this.queued
    this.schedule()
    return done
  }

  /** Writes what is queued as soon as the write under way ends; resolves when all of it is on disk. */
  flush(): Promise<void> {
    if (this.queued) {
      const { done } = this.queued
      this.urgent = true
      this.schedule()
      return done
    }
    return this.writing?.done ?? Promise.resolve()
  }

  /** The app is closing: writes everything still queued. */
  close(): Promise<void> {
    return this.flush()
  }

  private schedule(): void {
    if (this.writing || !this.queued) return // the write under way schedules the next one when it ends
    if (this.urgent) {
      this.clearTimer()
      this.start()
      return
    }
    if (this.timer) return
    const gap = Math.max(this.minGapMs, this.lastCost * this.gapPerWrite)
    const wait = Math.max(0, this.lastEnd + gap - Date.now())
    this.timer = setTimeout(() => {
      this.timer = null
      this.start()
    }, wait)
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private start(): void {
    const batch = this.queued
    if (!batch || this.writing) return
    this.queued = null
    this.urgent = false
    this.writing = batch
    const started = Date.now()
    void this.write(batch.entries)
      .then(
        () => batch.settle(),
        (e: unknown) => {
          log.warn(`could not record the last test of ${batch.entries.size} profile(s): ${e instanceof Error ? e.message : String(e)}`)
          batch.settle(e)
        }
      )
      .finally(() => {
        this.lastEnd = Date.now()
        this.lastCost = this.lastEnd - started
        this.writing = null
        this.schedule()
      })
  }

  private write(entries: Map<string, LastTestValue>): Promise<void> {
    return this.store.mutate((profiles) => {
      // A profile deleted since its test simply gets nothing.
      for (const p of profiles) {
        const lastTest = entries.get(p.id)
        if (lastTest) p.lastTest = lastTest
      }
      return { profiles, value: undefined }
    })
  }
}

function newBatch(): Batch {
  let settle!: (error?: unknown) => void
  const done = new Promise<void>((resolve, reject) => {
    settle = (error) => (error === undefined ? resolve() : reject(error))
  })
  // Background batches may have nobody waiting: their failure is logged, never an unhandled rejection.
  done.catch(() => undefined)
  return { entries: new Map(), done, settle }
}
