use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use futures_core::Stream;

/// The protocol's chunks as a byte stream that yields one chunk a poll, as a socket delivers them
/// (a chunk may end inside a UTF-8 character or between CR and LF).
pub struct ChunkStream {
    chunks: std::vec::IntoIter<Vec<u8>>,
}

impl ChunkStream {
    pub fn new(chunks: Vec<Vec<u8>>) -> ChunkStream {
        ChunkStream { chunks: chunks.into_iter() }
    }
}

impl Stream for ChunkStream {
    type Item = Result<Vec<u8>, Infallible>;
    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Poll::Ready(self.chunks.next().map(Ok))
    }
}

/// Every item a stream over a ChunkStream yields, in order. Its source is always ready, so no runtime
/// is needed; a stream that waits all the same is a defect, not a hang.
pub fn collect<S: Stream>(stream: S) -> Vec<S::Item> {
    let mut stream = std::pin::pin!(stream);
    let mut cx = Context::from_waker(Waker::noop());
    let mut out = Vec::new();
    loop {
        match stream.as_mut().poll_next(&mut cx) {
            Poll::Ready(Some(item)) => out.push(item),
            Poll::Ready(None) => return out,
            Poll::Pending => panic!("the stream waited on a source that is always ready"),
        }
    }
}
