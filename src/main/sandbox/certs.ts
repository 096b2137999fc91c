// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata'
import { webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'

/**
 * A tiny certificate authority for the sandbox and the test harness: pure JS on Node's
 * WebCrypto (no openssl CLI), ECDSA P-256 keys because they are generated in milliseconds.
 * Everything returned is PEM, ready for redis-server's tls-* files or Node's tls options.
 */
export interface PemPair {
  /** Certificate, PEM. */
  cert: string
  /** PKCS#8 private key, PEM. */
  key: string
}

export interface CertificateAuthority extends PemPair {
  commonName: string
  /** Internal: the CA's signing key and parsed certificate, to issue leaves. */
  readonly signer: { keys: webcrypto.CryptoKeyPair; certificate: x509.X509Certificate }
}

export interface ServerCertOptions {
  /** Subject common name; defaults to the first DNS name or IP. */
  commonName?: string
  dnsNames?: string[]
  ipAddresses?: string[]
  notBefore?: Date
  notAfter?: Date
}

export interface ClientCertOptions {
  commonName: string
  notBefore?: Date
  notAfter?: Date
}

const crypto = webcrypto
x509.cryptoProvider.set(crypto as never)

const keyAlgorithm: webcrypto.EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' }
const signingAlgorithm: webcrypto.EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' }
const DAY = 24 * 60 * 60 * 1000

function generateKeys(): Promise<webcrypto.CryptoKeyPair> {
  return crypto.subtle.generateKey(keyAlgorithm, true, ['sign', 'verify'])
}

async function keyToPem(key: webcrypto.CryptoKey): Promise<string> {
  const der = await crypto.subtle.exportKey('pkcs8', key)
  return x509.PemConverter.encode(der, 'PRIVATE KEY')
}

function randomSerial(): string {
  // Positive 16-byte serial: clear the top bit so DER does not read it as negative.
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[0] = (bytes[0] & 0x7f) | 0x01
  return Buffer.from(bytes).toString('hex')
}

/** Escapes a value for an RFC 4514 distinguished name string. */
function dnValue(value: string): string {
  return value.replace(/([,+"\\<>;=#])/g, '\\$1')
}

export interface CaOptions {
  notBefore?: Date
  notAfter?: Date
  /** How many intermediate CAs may follow this one (basicConstraints pathLen); default 0 (it signs leaves only). */
  pathLength?: number
}

const caUsage = () => new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true)

export async function createCertificateAuthority(commonName: string, options?: CaOptions): Promise<CertificateAuthority> {
  const keys = await generateKeys()
  const notBefore = options?.notBefore ?? new Date(Date.now() - DAY)
  const notAfter = options?.notAfter ?? new Date(Date.now() + 365 * DAY)
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: `CN=${dnValue(commonName)}`,
    notBefore,
    notAfter,
    keys,
    signingAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, options?.pathLength ?? 0, true),
      caUsage(),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)
    ]
  })
  return { commonName, cert: certificate.toString('pem'), key: await keyToPem(keys.privateKey), signer: { keys, certificate } }
}

/**
 * An intermediate CA signed by `parent` (which needs pathLength ≥ 1), as public CAs issue leaves:
 * root → intermediate → leaf. A server sends leaf + intermediate; clients hold only the root.
 */
export async function issueIntermediateCa(
  parent: CertificateAuthority,
  commonName: string,
  options?: Omit<CaOptions, 'pathLength'>
): Promise<CertificateAuthority> {
  const keys = await generateKeys()
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: `CN=${dnValue(commonName)}`,
    issuer: parent.signer.certificate.subject,
    notBefore: options?.notBefore ?? new Date(Date.now() - DAY),
    notAfter: options?.notAfter ?? new Date(Date.now() + 180 * DAY),
    publicKey: keys.publicKey,
    signingKey: parent.signer.keys.privateKey,
    signingAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      caUsage(),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(parent.signer.keys.publicKey)
    ]
  })
  return { commonName, cert: certificate.toString('pem'), key: await keyToPem(keys.privateKey), signer: { keys, certificate } }
}

async function issueLeaf(
  ca: CertificateAuthority,
  commonName: string,
  names: x509.JsonGeneralName[],
  usage: x509.ExtendedKeyUsage[],
  notBefore: Date | undefined,
  notAfter: Date | undefined
): Promise<PemPair> {
  const keys = await generateKeys()
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement, true),
    new x509.ExtendedKeyUsageExtension(usage, false),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(ca.signer.keys.publicKey)
  ]
  if (names.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(names, false))
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: `CN=${dnValue(commonName)}`,
    issuer: ca.signer.certificate.subject,
    notBefore: notBefore ?? new Date(Date.now() - DAY),
    notAfter: notAfter ?? new Date(Date.now() + 90 * DAY),
    publicKey: keys.publicKey,
    signingKey: ca.signer.keys.privateKey,
    signingAlgorithm,
    extensions
  })
  return { cert: certificate.toString('pem'), key: await keyToPem(keys.privateKey) }
}

/** A TLS server certificate signed by `ca`, valid for the given DNS names and IP addresses. */
export async function issueServerCert(ca: CertificateAuthority, options: ServerCertOptions): Promise<PemPair> {
  const dnsNames = options.dnsNames ?? []
  const ipAddresses = options.ipAddresses ?? []
  const names: x509.JsonGeneralName[] = [
    ...dnsNames.map((value) => ({ type: 'dns' as const, value })),
    ...ipAddresses.map((value) => ({ type: 'ip' as const, value }))
  ]
  const commonName = options.commonName ?? dnsNames[0] ?? ipAddresses[0] ?? 'server'
  return issueLeaf(ca, commonName, names, [x509.ExtendedKeyUsage.serverAuth], options.notBefore, options.notAfter)
}

/** A TLS client certificate signed by `ca` (mutual TLS). */
export async function issueClientCert(ca: CertificateAuthority, options: ClientCertOptions): Promise<PemPair> {
  return issueLeaf(ca, options.commonName, [], [x509.ExtendedKeyUsage.clientAuth], options.notBefore, options.notAfter)
}

/** The usual loopback names: what a local server certificate must cover. */
export const LOOPBACK_NAMES: Required<Pick<ServerCertOptions, 'dnsNames' | 'ipAddresses'>> = {
  dnsNames: ['localhost'],
  ipAddresses: ['127.0.0.1', '::1']
}
