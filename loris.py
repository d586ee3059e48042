"""Open N sockets that trickle header lines, then time normal requests."""
import socket, sys, time, threading, http.client
port=int(sys.argv[1]); n=int(sys.argv[2]); dur=float(sys.argv[3]) if len(sys.argv)>3 else 12
socks=[]
def opener():
    for i in range(n):
        try:
            s=socket.create_connection(("127.0.0.1",port),timeout=2)
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
            socks.append(s)
        except Exception as e:
            pass
opener(); print("opened", len(socks))
stop=time.time()+dur
def trickle():
    while time.time()<stop:
        for s in list(socks):
            try: s.sendall(b"X-a: b\r\n")
            except Exception: socks.remove(s)
        time.sleep(2)
t=threading.Thread(target=trickle,daemon=True); t.start()
time.sleep(1)
lat=[]; fail=0
while time.time()<stop:
    t0=time.time()
    try:
        c=http.client.HTTPConnection("127.0.0.1",port,timeout=5); c.request("GET","/"); r=c.getresponse(); r.read(); c.close()
        lat.append(time.time()-t0)
    except Exception as e:
        fail+=1
    time.sleep(0.2)
lat.sort()
print(f"open={len(socks)} ok={len(lat)} fail={fail} p50={lat[len(lat)//2] if lat else None:.3} max={lat[-1] if lat else 0:.3}")
